package dev.drumbeat.checkin.prompt;

import dev.drumbeat.measure.MeasureBinding;
import dev.drumbeat.measure.MeasureResult;
import dev.drumbeat.measure.Measures;
import dev.drumbeat.slack.SlackBlocks;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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

    /** The sentences of a workspace, by service key; escaped for mrkdwn. */
    Map<String, List<String>> ofTeam(String teamId) {
        Map<String, List<String>> byService = new HashMap<>();
        measures.map(m -> m.sources(teamId)).orElse(List.of()).stream()
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
