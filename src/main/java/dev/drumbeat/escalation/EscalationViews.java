package dev.drumbeat.escalation;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import dev.drumbeat.core.Mentions;
import dev.drumbeat.escalation.rules.Reason;
import dev.drumbeat.slack.SlackBlocks;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The escalation message, the same wherever it is posted: what is escalated and why, how far up the ladder,
 * who acknowledged or snoozed it, and its buttons; once closed, that it is resolved and why. Rendered only
 * from stored state (dates, never "3 days ago"), so the same state always renders the same message.
 * Button action ids are {@code <action>:<escalation id>}, unique in a message.
 */
final class EscalationViews {
    static final String ACKNOWLEDGE = "esc-ack";
    static final String SNOOZE = "esc-snooze";
    static final String TAKE = "esc-take";
    static final String ASSIGN = "esc-assign";
    static final String OPEN = "esc-open";
    static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK).withZone(ZoneOffset.UTC);
    private static final List<String> LEVEL_NAMES = List.of("", "owner", "team", "leadership");

    private EscalationViews() {}

    /** The notification text, mrkdwn like the blocks: the item's name escaped. */
    static String text(EscalationDao.Row row, EscalationDao.Item item) {
        String what = SlackBlocks.escape(item.name()) + ": " + row.reason().words();
        return row.isOpen() ? "Escalation, level " + row.level() + " — " + what : "Resolved — " + what;
    }

    static List<LayoutBlock> blocks(
            EscalationDao.Row row, EscalationDao.Item item, List<EscalationMessagesPlaces.Place> places) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (row.isOpen()) {
            blocks.add(SlackBlocks.markdown(emoji(row.level()) + " " + headline(row, item) + detail(row)));
            blocks.add(SlackBlocks.note(ladder(row, item, places)));
            state(row).ifPresent(text -> blocks.add(SlackBlocks.note(text)));
            blocks.add(actions(a -> a.blockId("esc-actions:" + row.id()).elements(buttons(row, item))));
            blocks.add(SlackBlocks.note("It closes by itself when " + clearsWhen(row.reason()) + "."));
        } else {
            blocks.add(
                    SlackBlocks.markdown(":white_check_mark: " + headline(row, item) + " — *resolved*" + detail(row)));
            blocks.add(SlackBlocks.note("Resolved on "
                    + DAY.format(row.closedAt().orElseThrow()) + ": "
                    + row.closeReason().orElse("the condition cleared") + ". It was open since "
                    + DAY.format(row.openedAt()) + " and reached level " + row.level() + " ("
                    + LEVEL_NAMES.get(row.level())
                    + ")."));
        }
        return blocks;
    }

    /** The rule's detail, mrkdwn already ({@link EscalationDao.Row}), on its own line unless it repeats the reason. */
    private static String detail(EscalationDao.Row row) {
        String detail = row.detail().strip();
        return detail.isEmpty() || detail.equalsIgnoreCase(row.reason().words()) ? "" : "\n" + detail;
    }

    static String headline(EscalationDao.Row row, EscalationDao.Item item) {
        String key = item.key().isEmpty() ? "" : " `" + item.key() + "`";
        return "*" + SlackBlocks.escape(item.name()) + "*" + key + " · *"
                + row.reason().words() + "*";
    }

    private static String ladder(
            EscalationDao.Row row, EscalationDao.Item item, List<EscalationMessagesPlaces.Place> places) {
        String owner = item.ownerId()
                .map(id -> Mentions.mention(id) + (item.ownerActive() ? "" : " (left Slack)"))
                .orElse("nobody");
        String sent = places.isEmpty()
                ? "nobody yet"
                : places.stream().map(EscalationMessagesPlaces.Place::label).collect(Collectors.joining(", "));
        return "Level " + row.level() + " of 3 (" + LEVEL_NAMES.get(row.level()) + ") · open since "
                + DAY.format(row.openedAt()) + " · owner " + owner + " · sent to " + sent;
    }

    private static Optional<String> state(EscalationDao.Row row) {
        List<String> parts = new ArrayList<>();
        row.acknowledgedBy()
                .ifPresent(by -> parts.add(":eyes: Acknowledged by " + Mentions.mention(by) + " on "
                        + DAY.format(row.acknowledgedAt().orElseThrow())
                        + ": they are on it. It still climbs if nothing changes."));
        row.snoozedUntil()
                .ifPresent(until -> parts.add(":zzz: Snoozed by "
                        + row.snoozedBy().map(Mentions::mention).orElse("someone") + " until " + DAY.format(until)
                        + ": “" + SlackBlocks.escape(row.snoozeReason().orElse("")) + "”"));
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", parts));
    }

    private static List<BlockElement> buttons(EscalationDao.Row row, EscalationDao.Item item) {
        List<BlockElement> buttons = new ArrayList<>();
        boolean service = row.subject().kind().equals("service");
        if (service && row.reason() == Reason.OWNERLESS) {
            buttons.add(actionButton(TAKE, row, "Take ownership", "primary"));
        }
        if (!row.isAcknowledged()) {
            buttons.add(actionButton(ACKNOWLEDGE, row, "Acknowledge", null));
        }
        buttons.add(actionButton(SNOOZE, row, "Snooze a week", null));
        if (service) {
            buttons.add(actionButton(ASSIGN, row, "Assign owner", null));
            buttons.add(actionButton(OPEN, row, "Open service", null));
        }
        return buttons;
    }

    private static BlockElement actionButton(String action, EscalationDao.Row row, String label, String style) {
        return button(b -> b.actionId(action + ":" + row.id())
                .value(Long.toString(row.id()))
                .text(plainText(label))
                .style(style));
    }

    private static String emoji(int level) {
        return switch (level) {
            case 1 -> ":bell:";
            case 2 -> ":warning:";
            default -> ":rotating_light:";
        };
    }

    static String clearsWhen(Reason reason) {
        return switch (reason) {
            case STALE -> "a check-in arrives";
            case OWNERLESS -> "someone active owns it";
            case RED_STREAK -> "a check-in is no longer red";
            case KPI_OFF_TARGET -> "its KPIs are back on target";
            case INITIATIVE_SLIPPING -> "the initiative is back on track";
            case AWAY_UNCOVERED -> "the owner is back or a deputy covers";
            case COST_DRIFT -> "a later whole month's bill is back within the drift thresholds";
            case UNALLOCATED_SPEND -> "a later whole month's unallocated spend is back within its share";
            case MEASURE_FAILING -> "each query gives a number again, or is unbound";
        };
    }

    /** Today's date as messages write it, for replies that quote a moment. */
    static String day(Instant at) {
        return DAY.format(at);
    }
}
