package dev.drumbeat.catalog;

import dev.drumbeat.core.Actor;
import dev.drumbeat.core.UserError;
import dev.drumbeat.measure.Measures;
import dev.drumbeat.prometheus.Measurement;
import dev.drumbeat.slack.SlackBlocks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What saving a service's queries changes: the lines to bind (new, or with another query) and the targets to unbind
 * (bound now, governed by what was saved, and no longer in it). Applying them goes through {@link Measures}, which
 * checks who may and audits; each change is told as a short sentence, whether it worked or why not.
 */
public record MeasureChanges(String serviceKey, List<MeasuredBy.Line> binds, List<Optional<String>> unbinds) {

    public MeasureChanges {
        binds = List.copyOf(binds);
        unbinds = List.copyOf(unbinds);
    }

    /**
     * From the {@code current} bindings to the {@code wanted} ones: a current binding that {@code governed} accepts
     * and {@code wanted} leaves out is unbound; the others stay.
     */
    public static MeasureChanges between(
            String serviceKey,
            List<MeasuredBy.Line> current,
            List<MeasuredBy.Line> wanted,
            Predicate<MeasuredBy.Line> governed) {
        Map<String, String> now = current.stream()
                .collect(Collectors.toMap(
                        MeasuredBy.Line::target, line -> MeasuredBy.oneLine(line.query()), (a, b) -> a));
        Map<String, MeasuredBy.Line> next =
                wanted.stream().collect(Collectors.toMap(MeasuredBy.Line::target, Function.identity(), (a, b) -> a));
        List<MeasuredBy.Line> binds = wanted.stream()
                .filter(line -> !MeasuredBy.oneLine(line.query()).equals(now.get(line.target())))
                .toList();
        List<Optional<String>> unbinds = current.stream()
                .filter(governed)
                .filter(line -> !next.containsKey(line.target()))
                .map(MeasuredBy.Line::kpiKey)
                .toList();
        return new MeasureChanges(serviceKey, binds, unbinds);
    }

    public boolean isEmpty() {
        return binds.isEmpty() && unbinds.isEmpty();
    }

    /** What the changes are about, as people read it: "availability, demand". */
    public String targets() {
        List<String> targets = new ArrayList<>();
        binds.forEach(line -> targets.add(line.target()));
        unbinds.forEach(kpi -> targets.add(kpi.orElse(MeasuredBy.DEMAND)));
        return String.join(", ", targets);
    }

    /** How one change went: the KPI key (or demand) and a sentence in Slack's mrkdwn, already escaped. */
    public record Outcome(String target, String sentence) {
        public String mrkdwn() {
            return "*" + target + "* " + sentence;
        }

        /** As plain text, for the CSV import's answer. */
        public String plain() {
            return target + " " + SlackBlocks.unescape(sentence);
        }
    }

    /** Binds and unbinds as {@code actor}, one at a time; a refusal is told, not thrown, so the others still go. */
    public List<Outcome> apply(Measures measures, Actor actor) {
        List<Outcome> outcomes = new ArrayList<>();
        for (MeasuredBy.Line line : binds) {
            outcomes.add(new Outcome(line.target(), bind(measures, actor, line)));
        }
        for (Optional<String> kpi : unbinds) {
            outcomes.add(new Outcome(kpi.orElse(MeasuredBy.DEMAND), unbind(measures, actor, kpi)));
        }
        return outcomes;
    }

    private String bind(Measures measures, Actor actor, MeasuredBy.Line line) {
        try {
            Measures.Bound bound = measures.bind(actor, serviceKey, line.kpiKey(), line.query());
            String past = line.kpiKey().isPresent() ? "past weeks" : "past months";
            return "bound: " + now(bound) + "; " + bound.backfilled() + " of "
                    + bound.backfill().size() + " " + past + " filled.";
        } catch (UserError e) {
            return "not bound: " + e.getMessage();
        }
    }

    private String unbind(Measures measures, Actor actor, Optional<String> kpi) {
        try {
            measures.unbind(actor, serviceKey, kpi);
            return "unbound; the readings it measured stay.";
        } catch (UserError e) {
            return "not unbound: " + e.getMessage();
        }
    }

    private static String now(Measures.Bound bound) {
        if (bound.nowWithUnit().isPresent()) {
            return SlackBlocks.escape(bound.nowWithUnit().get()) + " now";
        }
        Measurement.Missing missing = (Measurement.Missing) bound.now();
        return "no number now (" + SlackBlocks.escape(SlackBlocks.clip(missing.detail(), 300)) + ")";
    }
}
