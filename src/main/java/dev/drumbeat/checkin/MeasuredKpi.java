package dev.drumbeat.checkin;

import dev.drumbeat.measure.Cadence;
import dev.drumbeat.measure.Measures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What a bound KPI measured for a check-in's week, as the modal pre-fills it: a number, or the sentence saying why
 * there is none; the query, when it measured, whether the week had ended, and the owner's zone the week ends in.
 */
record MeasuredKpi(
        String query,
        Optional<BigDecimal> value,
        String missing,
        boolean ended,
        Instant measuredAt,
        Instant periodEnd,
        ZoneId zone) {

    static MeasuredKpi of(Measures.Live live) {
        ZoneId zone = live.binding().zone();
        Instant end = Cadence.WEEK.end(live.result().period(), zone);
        Instant at = live.result().measuredAt();
        return new MeasuredKpi(
                live.result().query(),
                live.result().value(),
                live.result().detail(),
                live.ended() || !at.isBefore(end),
                at,
                end,
                zone);
    }

    /** The number as the field shows it: rounded to the decimals a person may type. */
    Optional<BigDecimal> shown() {
        return value.map(
                v -> v.setScale(KpiValues.MAX_DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros());
    }
}
