package dev.drumbeat.escalation;

import com.slack.api.model.block.LayoutBlock;
import dev.drumbeat.slack.Reply;
import dev.drumbeat.slack.SlackBlocks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The open escalations as `/drumbeat escalations` and `/drumbeat stale` list them: oldest first, with age. */
final class EscalationViewsListing {
    /** Lines shown; a line is under 300 characters, so they pack into well under Slack's 50 blocks. */
    static final int MAX_LISTED = 60;

    private EscalationViewsListing() {}

    static Reply listing(String title, List<EscalationDao.Listed> rows, Instant now, String whenEmpty) {
        if (rows.isEmpty()) {
            return Reply.text(whenEmpty);
        }
        int total = rows.get(0).total();
        String heading = "*" + title + ": " + total + " open, oldest first*";
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackBlocks.markdown(heading));
        blocks.addAll(SlackBlocks.lines(
                rows.stream().limit(MAX_LISTED).map(row -> line(row, now)).toList()));
        if (total > Math.min(rows.size(), MAX_LISTED)) {
            blocks.add(SlackBlocks.note("…and " + (total - Math.min(rows.size(), MAX_LISTED)) + " more."));
        }
        blocks.add(SlackBlocks.note("Level 1 is the owner, 2 the team channel and deputy, 3 the leadership channel."));
        return Reply.of(title + ": " + total + " open", blocks);
    }

    static String line(EscalationDao.Listed row, Instant now) {
        String state = row.acknowledged() ? " · acknowledged" : "";
        if (row.snoozedUntil().filter(now::isBefore).isPresent()) {
            state +=
                    " · snoozed until " + EscalationViews.day(row.snoozedUntil().get());
        }
        return "• *" + age(Duration.between(row.openedAt(), now)) + "* · level " + row.level() + " · "
                + row.reason().words() + " · *" + SlackBlocks.escape(row.name()) + "*"
                + (row.key().isEmpty() ? "" : " `" + row.key() + "`")
                + (row.detail().isBlank() ? "" : " — " + SlackBlocks.clip(row.detail(), 200))
                + state;
    }

    /** "5 hours", "3 days", "3 weeks", "4 months": the age as a person would say it. */
    static String age(Duration age) {
        long hours = Math.max(0, age.toHours());
        long days = age.toDays();
        if (hours < 1) {
            return "under an hour";
        }
        if (days < 1) {
            return count(hours, "hour");
        }
        if (days < 14) {
            return count(days, "day");
        }
        if (days < 63) {
            return count(days / 7, "week");
        }
        return count(days / 30, "month");
    }

    private static String count(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
