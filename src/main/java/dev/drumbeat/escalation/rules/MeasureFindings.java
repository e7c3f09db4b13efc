package dev.drumbeat.escalation.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Measuring failing: one finding per service with a bound query that has given no number for {@link #PERIODS} periods
 * running or more, naming each such binding, in the order the facts came (demand first, then KPIs by name). It clears
 * when every one of them measures again or is unbound. Pure and thread-safe.
 */
final class MeasureFindings {
    /** A binding that fails this many periods running escalates. */
    static final int PERIODS = 2;

    private MeasureFindings() {}

    static List<Finding> of(List<FailingMeasure> failing, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Map<Finding.Subject, List<FailingMeasure>> byService = failing.stream()
                .filter(f -> f.periods() >= PERIODS)
                .collect(Collectors.groupingBy(
                        f -> Finding.Subject.service(f.serviceId()), LinkedHashMap::new, Collectors.toList()));
        return byService.entrySet().stream()
                .map(service -> new Finding(
                        service.getValue().get(0).teamId(),
                        service.getKey(),
                        Reason.MEASURE_FAILING,
                        MeasureFindingsText.failing(service.getValue(), today)))
                .toList();
    }
}
