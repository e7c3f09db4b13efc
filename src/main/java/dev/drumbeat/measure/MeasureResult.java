package dev.drumbeat.measure;

import dev.drumbeat.prometheus.Measurement;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What one evaluation of a binding gave for one period: a number, or the reason there is none and a sentence a person
 * can act on; the query it ran and the moment it measured (the period's end).
 */
public record MeasureResult(
        long bindingId,
        LocalDate period,
        String query,
        Optional<BigDecimal> value,
        Optional<Measurement.Reason> reason,
        String detail,
        Instant measuredAt) {

    public boolean measured() {
        return value.isPresent();
    }

    static MeasureResult of(long bindingId, LocalDate period, String query, Measurement measurement, Instant at) {
        if (measurement instanceof Measurement.Value v) {
            return new MeasureResult(bindingId, period, query, Optional.of(v.value()), Optional.empty(), "", at);
        }
        Measurement.Missing m = (Measurement.Missing) measurement;
        return new MeasureResult(bindingId, period, query, Optional.empty(), Optional.of(m.reason()), m.detail(), at);
    }
}
