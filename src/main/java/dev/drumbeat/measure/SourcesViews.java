package dev.drumbeat.measure;

import com.slack.api.model.block.LayoutBlock;
import dev.drumbeat.slack.Reply;
import dev.drumbeat.slack.SlackBlocks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * `/drumbeat sources` as Block Kit: a summary, whether Prometheus is configured, then one section per service with
 * each binding's query and last result. Within Slack's limits: a service too long for one section takes several,
 * and once a message's 50 blocks are near, the rest are counted instead of shown.
 */
final class SourcesViews {
    private SourcesViews() {}

    static Reply sources(List<Measures.Source> sources, Map<Long, String> units, boolean configured) {
        String prometheus = configured ? "Prometheus is configured." : ":warning: " + MeasureViews.NOT_CONFIGURED;
        if (sources.isEmpty()) {
            String text = "Nothing is measured yet. " + prometheus + " An owner binds a KPI with"
                    + " `/drumbeat kpi bind &lt;service&gt; &lt;kpi&gt; &lt;promql&gt;`.";
            return Reply.text(text);
        }
        String summary = summary(sources) + " " + prometheus;
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackBlocks.heading("Measured sources"));
        blocks.add(SlackBlocks.markdown(summary));
        int shown = 0;
        for (List<Measures.Source> service : byService(sources).values()) {
            List<String> lines = new ArrayList<>();
            MeasureBinding first = service.get(0).binding();
            lines.add("*" + SlackBlocks.escape(first.serviceName()) + "* `" + SlackBlocks.escape(first.serviceKey())
                    + "`");
            service.forEach(source ->
                    lines.add(line(source, units.getOrDefault(source.binding().id(), ""))));
            List<LayoutBlock> sections = SlackBlocks.lines(lines);
            // one block stays free for the line saying how many more there are
            if (blocks.size() + sections.size() > SlackBlocks.MAX_MESSAGE_BLOCKS - 1) {
                break;
            }
            blocks.addAll(sections);
            shown += service.size();
        }
        if (shown < sources.size()) {
            blocks.add(SlackBlocks.note((sources.size() - shown) + " more bindings are not shown: Slack shows at most "
                    + SlackBlocks.MAX_MESSAGE_BLOCKS + " blocks in a message."));
        }
        return Reply.of("Measured sources: " + summary, blocks);
    }

    private static String summary(List<Measures.Source> sources) {
        long services =
                sources.stream().map(s -> s.binding().serviceId()).distinct().count();
        long measured = sources.stream()
                .filter(s -> s.latest().map(MeasureResult::measured).orElse(false))
                .count();
        long notYet = sources.stream().filter(s -> s.latest().isEmpty()).count();
        long missing = sources.size() - measured - notYet;
        return "*" + sources.size() + (sources.size() == 1 ? " binding" : " bindings") + "* on " + services
                + (services == 1 ? " service" : " services") + ": " + measured + " measured, " + missing
                + " with no number" + (notYet == 0 ? "" : ", " + notYet + " not measured yet") + ".";
    }

    private static Map<Long, List<Measures.Source>> byService(List<Measures.Source> sources) {
        Map<Long, List<Measures.Source>> grouped = new LinkedHashMap<>();
        sources.forEach(source -> grouped.computeIfAbsent(source.binding().serviceId(), id -> new ArrayList<>())
                .add(source));
        return grouped;
    }

    private static String line(Measures.Source source, String unit) {
        MeasureBinding binding = source.binding();
        String what = binding.kpiName()
                .map(name -> SlackBlocks.escape(name) + " `"
                        + SlackBlocks.escape(binding.kpiKey().orElse("")) + "`")
                .orElse("monthly demand");
        String result =
                source.latest().map(latest -> result(binding, latest, unit)).orElse("not measured yet");
        String failing = binding.failingPeriods() >= 2
                ? " · no number for " + binding.failingPeriods() + " periods running"
                : "";
        return "• " + what + ": " + MeasureViews.query(binding.query()) + "\n    → " + result + failing;
    }

    private static String result(MeasureBinding binding, MeasureResult latest, String unit) {
        String period = MeasureViews.period(binding.cadence(), latest.period());
        return latest.value()
                .map(value -> "*" + SlackBlocks.escape(MeasureViews.amount(binding, value, unit)) + "* for " + period)
                .orElseGet(() -> ":warning: no number for " + period + ": "
                        + MeasureViews.missing(latest.reason().orElseThrow(), latest.detail()));
    }
}
