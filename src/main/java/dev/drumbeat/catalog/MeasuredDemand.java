package dev.drumbeat.catalog;

import dev.drumbeat.measure.MeasureBinding;
import dev.drumbeat.measure.MeasureResult;
import dev.drumbeat.measure.Measures;
import java.time.YearMonth;
import java.util.Optional;

/**
 * A service's demand as Prometheus measured it, for the card: its binding, the month the card looks at (the bills'
 * latest whole month, so the two can be divided; without one, the latest month measured) and what was measured for
 * it, a number or the reason there is none.
 */
record MeasuredDemand(MeasureBinding binding, Optional<YearMonth> month, Optional<MeasureResult> result) {

    /** Empty when the service's demand is not bound. */
    static Optional<MeasuredDemand> of(Measures measures, long serviceId, Optional<ServiceActuals.Actual> actual) {
        Optional<Measures.Source> bound = measures.ofService(serviceId).stream()
                .filter(source -> source.binding().isDemand())
                .findFirst();
        if (bound.isEmpty()) {
            return Optional.empty();
        }
        MeasureBinding binding = bound.get().binding();
        Optional<YearMonth> billed = actual.filter(a -> !a.soFar()).map(ServiceActuals.Actual::month);
        if (billed.isPresent()) {
            return Optional.of(new MeasuredDemand(
                    binding, billed, measures.demand(serviceId, billed.get().atDay(1))));
        }
        Optional<MeasureResult> latest = bound.get().latest();
        return Optional.of(new MeasuredDemand(binding, latest.map(r -> YearMonth.from(r.period())), latest));
    }
}
