package dev.drumbeat.okr;

import com.slack.api.model.block.LayoutBlock;
import dev.drumbeat.core.Mentions;
import dev.drumbeat.core.Money;
import dev.drumbeat.slack.Reply;
import dev.drumbeat.slack.SlackBlocks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Block Kit for objectives: a quarter's list and one objective in full, each result with progress and flags. */
final class OkrViews {
    private static final int BAR = 10;
    /** Lines of at most {@link #MAX_LINE} characters: 100 of them fill about 40 sections, under Slack's 50 blocks. */
    static final int MAX_LINES = 100;

    static final int MAX_LINE = 600;

    private OkrViews() {}

    static Reply quarter(Quarter quarter, List<OkrService.ObjectiveView> objectives) {
        String title = quarter + ": " + objectives.size() + (objectives.size() == 1 ? " objective" : " objectives");
        if (objectives.isEmpty()) {
            return Reply.text(title + ". Set one with `/drumbeat okr add &lt;objective&gt;`, then add key results with"
                    + " `/drumbeat okr kr O&lt;number&gt;`.");
        }
        List<String> lines = new ArrayList<>();
        for (OkrService.ObjectiveView o : objectives) {
            lines.add(objectiveLine(o));
            o.keyResults().forEach(kr -> lines.add("    " + keyResultLine(kr)));
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackBlocks.markdown("*" + title + "*"));
        blocks.addAll(capped(lines));
        blocks.add(
                SlackBlocks.note("`/drumbeat okr show O&lt;number&gt;` shows one; `/drumbeat okr link KR&lt;number&gt;"
                        + " &lt;service&gt;/&lt;kpi&gt;` measures a key result by a KPI."));
        return Reply.of(title, blocks);
    }

    /** Only the key results {@code keep} picks, under their objectives; {@code whenNone} when there are none. */
    static Reply filtered(
            Quarter quarter,
            List<OkrService.ObjectiveView> objectives,
            Predicate<OkrService.KeyResultView> keep,
            String what,
            String whenNone) {
        List<String> lines = new ArrayList<>();
        int count = 0;
        for (OkrService.ObjectiveView o : objectives) {
            List<OkrService.KeyResultView> kept =
                    o.keyResults().stream().filter(keep).toList();
            if (!kept.isEmpty()) {
                lines.add(objectiveLine(o));
                kept.forEach(kr -> lines.add("    " + keyResultDetail(kr)));
                count += kept.size();
            }
        }
        if (count == 0) {
            return Reply.text(":white_check_mark: " + quarter + ": " + whenNone);
        }
        String title = quarter + ": " + count + (count == 1 ? " key result " : " key results ") + what;
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackBlocks.markdown("*" + title + "*"));
        blocks.addAll(capped(lines));
        return Reply.of(title, blocks);
    }

    static Reply objective(OkrService.ObjectiveView o) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackBlocks.heading(o.objective().title()));
        blocks.add(SlackBlocks.note(
                "O" + o.objective().id() + " · " + o.objective().quarter() + " · owner "
                        + o.objective().ownerId().map(Mentions::mention).orElse("_none_")));
        List<String> lines =
                o.keyResults().stream().map(OkrViews::keyResultDetail).toList();
        blocks.addAll(
                lines.isEmpty()
                        ? List.of(SlackBlocks.markdown("No key results yet. `/drumbeat okr kr O"
                                + o.objective().id() + "` adds one."))
                        : capped(lines));
        return Reply.of(SlackBlocks.escape(o.objective().title()), blocks);
    }

    /** The lines packed into sections, at most {@link #MAX_LINES} of them, so a message stays within Slack's limits. */
    private static List<LayoutBlock> capped(List<String> lines) {
        List<LayoutBlock> blocks = new ArrayList<>(SlackBlocks.lines(lines.stream()
                .limit(MAX_LINES)
                .map(line -> SlackBlocks.clip(line, MAX_LINE))
                .toList()));
        if (lines.size() > MAX_LINES) {
            blocks.add(SlackBlocks.note("…and " + (lines.size() - MAX_LINES)
                    + " more lines: `/drumbeat okr show O&lt;number&gt;`" + " gives one objective in full."));
        }
        return blocks;
    }

    private static String objectiveLine(OkrService.ObjectiveView o) {
        return "*O" + o.objective().id() + "* "
                + SlackBlocks.escape(o.objective().title()) + " · "
                + o.objective().ownerId().map(Mentions::mention).orElse("_no owner_");
    }

    static String keyResultLine(OkrService.KeyResultView kr) {
        return "KR" + kr.row().id() + " " + SlackBlocks.escape(kr.row().title()) + " " + bar(kr) + flags(kr);
    }

    private static String keyResultDetail(OkrService.KeyResultView kr) {
        OkrDao.KeyResultRow r = kr.row();
        String unit = r.kpiUnit().orElse("");
        String measure = r.kpiName()
                .map(k -> " · " + SlackBlocks.escape(r.serviceName().orElse("") + " / " + k) + ": "
                        + r.current().map(v -> measure(v, unit)).orElse("no reading yet")
                        + r.target()
                                .map(t -> " (from "
                                        + r.baseline()
                                                .map(b -> measure(b, unit))
                                                .orElse("?") + " to "
                                        + measure(t, unit) + ")")
                                .orElse(""))
                .orElse(
                        "milestone".equals(r.kind())
                                ? " · milestone"
                                        + (r.done()
                                                ? " done: “" + SlackBlocks.escape(r.evidence()) + "”"
                                                : " not done yet")
                                : " · no KPI linked yet");
        return "• " + keyResultLine(kr) + measure
                + kr.confidence().map(c -> " · owner says " + c.label()).orElse("");
    }

    private static String measure(BigDecimal value, String unit) {
        return SlackBlocks.escape(Money.measure(value, unit));
    }

    private static String bar(OkrService.KeyResultView kr) {
        return kr.progress()
                .map(p -> {
                    int filled = p.multiply(BigDecimal.valueOf(BAR))
                            .setScale(0, RoundingMode.HALF_UP)
                            .intValue();
                    return "▰".repeat(filled) + "▱".repeat(BAR - filled) + " "
                            + p.multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP) + "%";
                })
                .orElse("_no reading yet_");
    }

    private static String flags(OkrService.KeyResultView kr) {
        return (kr.atRisk() ? " :warning: at risk" : "")
                + (kr.vanity() ? " :eyes: vanity? said on track, but its KPI has not moved toward target" : "");
    }
}
