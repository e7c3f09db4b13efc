package dev.drumbeat.costs;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import dev.drumbeat.core.Money;
import dev.drumbeat.slack.Reply;
import dev.drumbeat.slack.SlackBlocks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The messages about allocation rules: a preview with Apply and Discard, and a change with Undo. */
final class CostsViews {
    static final String APPLY = "costs-rules-apply";
    static final String DISCARD = "costs-rules-discard";
    static final String UNDO = "costs-rules-undo";
    /** Rules listed one a line in a preview; the rest are counted. */
    private static final int RULES_SHOWN = 60;
    /** Lines of a message and their length, so they pack into at most 30 sections. */
    private static final int LINES_SHOWN = 150;

    private static final int LINE_LENGTH = 500;

    private final Money money;

    CostsViews(Money money) {
        this.money = money;
    }

    /** A preview; with {@code draftId}, of rules not applied yet, with Apply and Discard. */
    Reply preview(CostPreview.Preview preview, Map<Long, String> serviceKeys, Optional<Long> draftId) {
        String title = draftId.isPresent() ? "Preview of the new allocation rules" : "What the allocation rules catch";
        List<LayoutBlock> blocks = new ArrayList<>(List.of(SlackBlocks.heading(title)));
        if (preview.nothingImported()) {
            String none = "No bills are imported yet, so there is nothing to preview. Import a FOCUS export with"
                    + " `drumbeat costs import <files…>` first.";
            blocks.add(SlackBlocks.markdown(none));
            draftId.ifPresent(id -> blocks.add(buttons(id)));
            return Reply.of(none, blocks);
        }
        List<String> lines = new ArrayList<>();
        if (!preview.read().isEmpty()) {
            lines.add("In the latest bills of " + read(preview.read()) + ": *" + money.cents(preview.total())
                    + "* amortised.");
            lines.addAll(rules(preview, serviceKeys));
            lines.add("*Unallocated:* " + money.cents(preview.unallocated()) + " ("
                    + share(preview.unallocated(), preview.total()) + ")");
            if (!preview.largest().isEmpty()) {
                lines.add("*Largest unallocated:*");
                preview.largest()
                        .forEach(line -> lines.add("• " + money.cents(line.effectiveCost()) + " — "
                                + text(line.serviceName(), "no provider service") + " · sub-account "
                                + text(line.subAccountId(), "none") + " · resource "
                                + text(line.resourceId(), "none")));
            }
        }
        preview.unread().forEach(unread -> lines.add(unread(unread)));
        blocks.addAll(SlackBlocks.lines(capped(lines)));
        blocks.add(
                SlackBlocks.note(
                        draftId.isPresent()
                                ? "Nothing is saved until you apply. Apply allocates the months already imported again."
                                : "Nothing was saved. `/drumbeat costs rules` edits the rules and previews them before they apply."));
        draftId.ifPresent(id -> blocks.add(buttons(id)));
        return Reply.of(title + ": " + money.cents(preview.unallocated()) + " would be unallocated.", blocks);
    }

    /** What an apply or an undo changed, with Undo. */
    Reply changed(CostRuleChanges.Outcome outcome) {
        List<LayoutBlock> blocks = new ArrayList<>(SlackBlocks.lines(
                capped(outcome.summary().stream().map(SlackBlocks::escape).toList())));
        blocks.add(actions(a -> a.elements(List.of(button(b -> b.actionId(UNDO)
                .value(Long.toString(outcome.changed().undoDraft()))
                .text(plainText("Undo")))))));
        return Reply.of(SlackBlocks.escape(outcome.summary().get(0)), blocks);
    }

    /** A re-allocation finished later, after Drumbeat stopped before it could: what changed, without an Undo here. */
    Reply finishedLater(CostReallocation.Result result) {
        List<String> lines = new ArrayList<>();
        lines.add("Drumbeat stopped before it had allocated the months already imported by the rules you put in force;"
                + " it has done so now.");
        lines.addAll(CostReallocation.describe(result, money));
        return Reply.of(
                lines.get(0),
                SlackBlocks.lines(capped(lines.stream().map(SlackBlocks::escape).toList())));
    }

    private List<String> rules(CostPreview.Preview preview, Map<Long, String> serviceKeys) {
        List<String> lines = new ArrayList<>();
        List<CostRule> rules = preview.rules();
        rules.stream().limit(RULES_SHOWN).forEach(rule -> {
            BigDecimal caught = preview.byRule().get(rule.position());
            lines.add("*" + rule.position() + ".* " + match(rule) + " → " + services(rule, serviceKeys) + ": "
                    + (caught == null
                            ? "_catches nothing_"
                            : "*" + money.cents(caught) + "* (" + share(caught, preview.total()) + ")"));
        });
        if (rules.size() > RULES_SHOWN) {
            lines.add("…and " + (rules.size() - RULES_SHOWN) + " more rules.");
        }
        List<String> idle = rules.stream()
                .filter(rule -> !preview.byRule().containsKey(rule.position()))
                .map(rule -> Integer.toString(rule.position()))
                .toList();
        if (!idle.isEmpty()) {
            lines.add((idle.size() == 1
                            ? "Rule " + idle.get(0) + " catches"
                            : "Rules " + String.join(", ", idle) + " catch")
                    + " nothing in these bills: check the spelling, or whether an earlier rule takes those charges"
                    + " first.");
        }
        if (rules.isEmpty()) {
            lines.add("There are no rules, so nothing is allocated.");
        }
        return lines;
    }

    /**
     * The first lines, each clipped, as many as pack into well under a message's 50 blocks beside a heading, a note
     * and buttons: at least five lines fit in a section's 3,000 characters.
     */
    private static List<String> capped(List<String> lines) {
        List<String> shown = new ArrayList<>(lines.stream()
                .limit(LINES_SHOWN)
                .map(line -> SlackBlocks.clip(line, LINE_LENGTH))
                .toList());
        if (lines.size() > LINES_SHOWN) {
            shown.add("…and " + (lines.size() - LINES_SHOWN) + " more lines.");
        }
        return shown;
    }

    private static String match(CostRule rule) {
        return rule.kind().word() + " `"
                + SlackBlocks.escape(rule.key().map(key -> key + "=").orElse("") + rule.value())
                        .replace("`", "'")
                + "`";
    }

    private static String services(CostRule rule, Map<Long, String> serviceKeys) {
        if (rule.shares().size() == 1) {
            return serviceKeys.getOrDefault(rule.shares().keySet().iterator().next(), "?");
        }
        return rule.shares().entrySet().stream()
                .map(share -> serviceKeys.getOrDefault(share.getKey(), "?") + " "
                        + share.getValue().stripTrailingZeros().toPlainString() + "%")
                .collect(Collectors.joining(", "));
    }

    private static String read(Map<String, YearMonth> read) {
        return read.entrySet().stream()
                .map(account ->
                        "account " + SlackBlocks.escape(account.getKey()) + " (" + month(account.getValue()) + ")")
                .collect(Collectors.joining(", "));
    }

    private static String unread(CostPreview.Unread unread) {
        return ":warning: Account " + SlackBlocks.escape(unread.billingAccountId()) + ", "
                + month(unread.invoiceMonth()) + ", is not in this preview: "
                + SlackBlocks.escape(SlackBlocks.clip(unread.why(), 300)) + ". Importing its bills again"
                + " (`drumbeat costs import <files…>`) makes a preview of it possible.";
    }

    static String month(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " " + month.getYear();
    }

    /** {@code part} as a percentage of {@code whole}, to a tenth. */
    static String share(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return "–";
        }
        return part.multiply(BigDecimal.valueOf(100))
                        .divide(whole, 1, RoundingMode.HALF_EVEN)
                        .toPlainString()
                + "%";
    }

    private static String text(String value, String none) {
        return value == null || value.isBlank()
                ? none
                : "`" + SlackBlocks.escape(SlackBlocks.clip(value, 120)).replace("`", "'") + "`";
    }

    private static LayoutBlock buttons(long draftId) {
        List<BlockElement> buttons = List.of(
                button(b -> b.actionId(APPLY)
                        .value(Long.toString(draftId))
                        .style("primary")
                        .text(plainText("Apply"))),
                button(b -> b.actionId(DISCARD).value(Long.toString(draftId)).text(plainText("Discard"))));
        return actions(a -> a.elements(buttons));
    }
}
