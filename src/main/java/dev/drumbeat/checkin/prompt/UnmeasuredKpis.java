package dev.drumbeat.checkin.prompt;

import dev.drumbeat.measure.MeasureBinding;
import dev.drumbeat.measure.MeasureResult;
import dev.drumbeat.measure.Measures;
import dev.drumbeat.slack.SlackBlocks;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The measured KPIs whose latest week gave no number, each as the sentence the weekly prompt shows under its service
 * ("Availability: not measured for the week of 30 Nov — Prometheus … could not be reached."), so an owner is told why
 * before typing it. One query per workspace. Thread-safe.
 */
final class UnmeasuredKpis {
    static final UnmeasuredKpis NONE = new UnmeasuredKpis(Optional.empty());
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.UK);
    private final Optional<Measures> measures;

    private UnmeasuredKpis(Optional<Measures> measures) {
        this.measures = measures;
    }

    static UnmeasuredKpis of(Measures measures) {
        return new UnmeasuredKpis(Optional.of(measures));
    }

    /** The sentences of a workspace, by service key; escaped for mrkdwn. Read on the caller's handle. */
    Map<String, List<String>> ofTeam(Handle handle, String teamId) {
        return sentences(measures.map(m -> m.sources(handle, teamId)).orElse(List.of()));
    }

    /** The sentences of some of a workspace's services, by key, on the caller's handle. */
    Map<String, List<String>> of(Handle handle, String teamId, Collection<String> serviceKeys) {
        return sentences(
                measures.map(m -> m.sources(handle, teamId, serviceKeys)).orElse(List.of()));
    }

    private static Map<String, List<String>> sentences(List<Measures.Source> sources) {
        Map<String, List<String>> byService = new HashMap<>();
        sources.stream()
                .filter(source -> !source.binding().isDemand())
                .forEach(source -> source.latest()
                        .filter(result -> !result.measured())
                        .ifPresent(result -> byService
                                .computeIfAbsent(source.binding().serviceKey(), key -> new ArrayList<>())
                                .add(sentence(source.binding(), result))));
        return byService;
    }

    private static String sentence(MeasureBinding binding, MeasureResult result) {
        return SlackBlocks.escape(binding.kpiName().orElse(binding.kpiKey().orElse("A KPI")))
                + ": not measured for the week of " + DAY.format(result.period()) + " — "
                + SlackBlocks.escape(SlackBlocks.clip(result.detail(), 300));
    }
}
