package dev.drumbeat.escalation.rules;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One binding of an active service whose query has given no number for {@code periods} periods running (weeks for a
 * KPI, months for demand when {@code kpiName} is empty), with its latest stored result: the period, the reason code (as
 * {@code measure_results.reason} keeps it) and the sentence Prometheus's answer gave, both empty if none is stored.
 */
public record FailingMeasure(
        long bindingId,
        String teamId,
        long serviceId,
        Optional<String> kpiName,
        String query,
        int periods,
        Optional<LocalDate> lastPeriod,
        Optional<String> lastReason,
        String lastDetail) {

    public boolean isDemand() {
        return kpiName.isEmpty();
    }
}
