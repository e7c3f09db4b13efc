package dev.drumbeat.checkin;

import dev.drumbeat.measure.Measures;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The measured values a check-in modal pre-fills, by KPI id. Asked with a patience that leaves the modal room to open
 * inside Slack's 3-second trigger window: a query slower than that is shown as not answered in time. Thread-safe.
 */
final class CheckInMeasures {
    static final Duration PATIENCE = Duration.ofMillis(1500);
    private final Measures measures;

    CheckInMeasures(Measures measures) {
        this.measures = measures;
    }

    /** The query a KPI is measured by, if it is. */
    Optional<String> queryOf(String teamId, String serviceKey, String kpiKey) {
        return measures.queryOf(teamId, serviceKey, kpiKey);
    }

    Map<Long, MeasuredKpi> of(CheckInSubject subject) {
        return measures.forCheckIn(subject.service().id(), subject.ref().periodStart(), PATIENCE).stream()
                .filter(live -> live.binding().kpiId().isPresent())
                .collect(Collectors.toMap(live -> live.binding().kpiId().get(), MeasuredKpi::of, (a, b) -> a));
    }
}
