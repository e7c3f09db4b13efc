package dev.drumbeat.measure;

import dev.drumbeat.core.Periods;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A KPI, or a service's monthly demand when {@code kpiId} is empty, bound to a PromQL expression; with what people
 * call them and the zone its periods end in (the owner's, UTC for a service without one).
 */
public record MeasureBinding(
        long id,
        String teamId,
        long serviceId,
        String serviceKey,
        String serviceName,
        Optional<String> ownerId,
        Optional<Long> kpiId,
        Optional<String> kpiKey,
        Optional<String> kpiName,
        String query,
        String boundBy,
        Instant boundAt,
        String tz,
        Optional<LocalDate> evaluatedThrough,
        int failingPeriods) {

    public Cadence cadence() {
        return kpiId.isPresent() ? Cadence.WEEK : Cadence.MONTH;
    }

    public boolean isDemand() {
        return kpiId.isEmpty();
    }

    public ZoneId zone() {
        return Periods.zone(tz);
    }

    /** What it measures, as people read it: "Payments Gateway · Availability" or "Payments Gateway · monthly demand". */
    public String label() {
        return serviceName + " · " + kpiName.orElse("monthly demand");
    }
}
