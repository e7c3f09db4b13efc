package dev.drumbeat.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drumbeat.core.Money;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How typed KPI values are read: forgiving about grouping and the KPI's own unit, strict about the rest. */
class KpiValuesTest {
    static final Kpi PERCENT = new Kpi(1, "availability", "Availability", "%", new BigDecimal("99.9"), "up");
    static final Kpi MILLIS = new Kpi(2, "p95-latency", "p95 latency", "ms", new BigDecimal("300"), "down");
    static final Kpi DOLLARS = new Kpi(3, "cost", "Cost per transaction", "$", new BigDecimal("0.12"), "down");
    static final Kpi PLAIN = new Kpi(4, "incidents", "Incidents", "", new BigDecimal("2"), "down");
    static final Kpi COUNTED = new Kpi(5, "outages", "Outages", "incidents", new BigDecimal("2"), "down");

    private static Kpi kpi(String name) {
        return switch (name) {
            case "percent" -> PERCENT;
            case "millis" -> MILLIS;
            case "dollars" -> DOLLARS;
            case "counted" -> COUNTED;
            default -> PLAIN;
        };
    }

    @ParameterizedTest(name = "{1} as {0} is {2}")
    @CsvSource(
            delimiter = ';',
            value = {
                "percent; 99.95; 99.95",
                "percent; 99.95%; 99.95",
                "percent; 100 %; 100",
                "percent; 0; 0",
                "millis; 1,250; 1250",
                "millis; 12 ms; 12",
                "millis; 12MS; 12",
                "millis; 1,250.5 ms; 1250.5",
                "dollars; $0.1234; 0.1234",
                "counted; 3 incidents; 3",
                "counted; 1 incident; 1",
                "plain; -3; -3",
                "plain; +7; 7",
                "plain; 1000000000000; 1000000000000"
            })
    void forgiving_values_are_read(String kind, String typed, String expected) {
        assertThat(KpiValues.parse(typed, kpi(kind))).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "{1} as {0} is refused: {2}")
    @CsvSource(
            delimiter = ';',
            value = {
                "millis; 12,5; ambiguous",
                "millis; twelve; is not a number",
                "millis; 12 GB; is in GB, but p95 latency is measured in ms",
                "plain; 3 ms; Incidents has no unit",
                "percent; 100.01; between 0 and 100",
                "percent; -1; between 0 and 100",
                "plain; 1000000000000.5; between -1,000,000,000,000",
                "plain; 0.12345; at most 4 decimal places",
                "plain; 1.2.3; is not a number",
                "plain; ' '; a number is required"
            })
    void other_values_are_refused_with_a_reason(String kind, String typed, String reason) {
        assertThatThrownBy(() -> KpiValues.parse(typed, kpi(kind)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @ParameterizedTest(name = "{0} {1} reads {2}")
    @CsvSource(
            delimiter = ';',
            value = {"99.9000; %; 99.9%", "17.79; $; $17.79", "310; ms; 310 ms", "100; '' ; 100"})
    void values_are_shown_with_their_unit(String value, String unit, String shown) {
        assertThat(Money.measure(new BigDecimal(value), unit == null ? "" : unit))
                .isEqualTo(shown);
    }
}
