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

    static final int MAX_DETAIL = 2000;

    public boolean measured() {
        return value.isPresent();
    }

    static MeasureResult of(long bindingId, LocalDate period, String query, Measurement measurement, Instant at) {
        if (measurement instanceof Measurement.Value v) {
            return new MeasureResult(bindingId, period, query, Optional.of(v.value()), Optional.empty(), "", at);
        }
        Measurement.Missing m = (Measurement.Missing) measurement;
        return new MeasureResult(
                bindingId, period, query, Optional.empty(), Optional.of(m.reason()), storable(m.detail()), at);
    }

    /** Prometheus's words as PostgreSQL can keep them: no NUL (a label value may hold one), and not without end. */
    static String storable(String detail) {
        String text = detail.replace("\0", "");
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL - 1) + "…" : text;
    }
}
