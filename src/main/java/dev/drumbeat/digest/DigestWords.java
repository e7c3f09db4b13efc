package dev.drumbeat.digest;

import dev.drumbeat.core.Money;
import dev.drumbeat.digest.DigestFacts.ServiceFact;
import dev.drumbeat.digest.DigestReport.Attention;
import dev.drumbeat.escalation.rules.Reason;
import dev.drumbeat.slack.SlackBlocks;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The phrases the digest's messages share: money against a month ago, ages, and one line per item. Thread-safe. */
final class DigestWords {
    static final String NOTHING_TO_COMPARE = "—";
    private static final int MAX_HURDLE = 200;
    private final Money money;

    DigestWords(Money money) {
        this.money = money;
    }

    String money(BigDecimal amount) {
        return money.format(amount);
    }

    /** "up $24,000 on a month ago ($480,000)", "same as a month ago", or "a month ago: —" when there is nothing to compare. */
    String againstMonthAgo(BigDecimal now, Optional<BigDecimal> monthAgo) {
        if (monthAgo.isEmpty()) {
            return "a month ago: " + NOTHING_TO_COMPARE;
        }
        BigDecimal change = now.subtract(monthAgo.get());
        String was = " (" + money.format(monthAgo.get()) + ")";
        if (change.signum() == 0) {
            return "same as a month ago" + was;
        }
        return (change.signum() > 0 ? "up " : "down ") + money.format(change.abs()) + " on a month ago" + was;
    }

    /** A red or amber service: status, name, owner, monthly cost and the hurdle it reported. */
    String serviceLine(ServiceFact service, String status, String emoji) {
        String hurdle = service.hurdle()
                .map(h -> "“" + SlackBlocks.escape(SlackBlocks.clip(h, MAX_HURDLE)) + "”")
                .orElse("_no hurdle given_");
        return emoji + " *" + SlackBlocks.escape(service.name()) + "* `" + service.key() + "` · " + status + " · "
                + owner(service.ownerName()) + " · " + money.format(service.monthlyCost()) + " a month — " + hurdle;
    }

    /** A stale or ownerless item with its age: how long its escalation has been open, or what the catalog shows. */
    String attentionLine(Attention item, Instant now) {
        String emoji = item.reason() == Reason.OWNERLESS ? ":bust_in_silhouette:" : ":hourglass_flowing_sand:";
        StringBuilder line = new StringBuilder(emoji)
                .append(" *")
                .append(SlackBlocks.escape(item.name()))
                .append('*');
        if (!item.key().isEmpty()) {
            line.append(" `").append(item.key()).append('`');
        }
        line.append(" — ").append(item.reason().words());
        item.level().ifPresent(level -> line.append(" · level ").append(level));
        item.openedAt().ifPresent(opened -> line.append(" · ").append(age(opened, now)));
        if (item.reason() != Reason.OWNERLESS) {
            line.append(" · ").append(owner(item.ownerName()));
        }
        if (!item.detail().isBlank()) {
            line.append(" · ").append(SlackBlocks.clip(item.detail(), MAX_HURDLE));
        }
        return line.toString();
    }

    /** "open today", "open 1 day", "open 12 days". */
    static String age(Instant openedAt, Instant now) {
        long days = Math.max(0, Duration.between(openedAt, now).toDays());
        return days == 0 ? "open today" : "open " + days + (days == 1 ? " day" : " days");
    }

    /** The owner's name, not a mention: the digest should not ping a hundred owners in the leadership channel. */
    static String owner(Optional<String> ownerName) {
        return ownerName.map(name -> "owner " + SlackBlocks.escape(name)).orElse("_no owner_");
    }
}
