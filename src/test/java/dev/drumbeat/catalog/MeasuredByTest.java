package dev.drumbeat.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drumbeat.measure.Measures;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The "Measured by" lines on their own: what the modal and the CSV import accept, and every way a line is refused. */
class MeasuredByTest {
    static final Set<String> KPIS = Set.of("availability", "latency-p99");

    @Test
    void each_line_binds_a_kpi_by_key_in_any_case_or_the_demand_and_blank_lines_are_skipped() {
        List<MeasuredBy.Line> lines = MeasuredBy.parse(
                "Availability = avg_over_time(up{job=\"payments\"}[7d]) * 100\r\n\n"
                        + "  demand=sum(increase(payments_total[30d]))  \nlatency-p99 = histogram_quantile(0.99, x)",
                KPIS,
                true);

        assertThat(lines)
                .containsExactly(
                        new MeasuredBy.Line(
                                Optional.of("availability"), "avg_over_time(up{job=\"payments\"}[7d]) * 100"),
                        new MeasuredBy.Line(Optional.empty(), "sum(increase(payments_total[30d]))"),
                        new MeasuredBy.Line(Optional.of("latency-p99"), "histogram_quantile(0.99, x)"));
        assertThat(MeasuredBy.write(lines))
                .isEqualTo("demand = sum(increase(payments_total[30d]))\n"
                        + "availability = avg_over_time(up{job=\"payments\"}[7d]) * 100\n"
                        + "latency-p99 = histogram_quantile(0.99, x)");
        assertThat(MeasuredBy.parse(MeasuredBy.write(lines), KPIS, true)).containsExactlyInAnyOrderElementsOf(lines);
        assertThat(MeasuredBy.parse(" \n ", KPIS, true)).isEmpty();
    }

    @Test
    void a_bad_line_is_refused_naming_the_line_and_saying_what_to_write() {
        assertRefused("availability = up\nup{job=\"x\"}", "line 2", "is not a KPI key", "availability, latency-p99");
        assertRefused("availability up", "line 1 has no “=”", "availability = avg_over_time");
        assertRefused("\n\nlatency-p99 =   ", "line 3", "the PromQL is empty");
        assertRefused("availability = up\0", "line 1", "NUL");
        assertRefused(
                "availability = " + "x".repeat(Measures.MAX_QUERY + 1),
                "line 1",
                (Measures.MAX_QUERY + 1) + " characters",
                "recording rule");
        assertRefused("availability = up\nAVAILABILITY = down", "line 2 binds availability again (line 1");
        assertRefused("= up", "nothing is named before “=”");
    }

    @Test
    void a_service_without_kpis_may_bind_only_its_demand_and_the_csv_kpi_cell_never_the_demand() {
        assertThatThrownBy(() -> MeasuredBy.parse("availability = up", Set.of(), true))
                .hasMessageContaining("the service has no KPIs yet, so only demand = <promql> can be bound");
        assertThat(MeasuredBy.parse("demand = up", Set.of(), true)).hasSize(1);
        assertThatThrownBy(() -> MeasuredBy.parse("demand = up", KPIS, false))
                .hasMessageContaining("demand_query column");
    }

    @Test
    void hostile_text_is_clipped_in_the_refusal_and_a_query_keeps_what_promql_allows() {
        String hostile = "<!channel> *bold* " + "x".repeat(200);
        assertThatThrownBy(() -> MeasuredBy.parse(hostile + " = up", KPIS, true))
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(200));
        List<MeasuredBy.Line> kept =
                MeasuredBy.parse("availability = sum(x{a=\"<!channel>\", b=~\"é|😀\"}) == 1", KPIS, true);
        assertThat(kept.get(0).query()).isEqualTo("sum(x{a=\"<!channel>\", b=~\"é|😀\"}) == 1");
    }

    @Test
    void a_query_written_on_several_lines_is_written_back_on_one() {
        MeasuredBy.Line demand = new MeasuredBy.Line(Optional.empty(), "sum(\n  rate(x[5m])\r\n)");

        assertThat(demand.written()).isEqualTo("demand = sum( rate(x[5m]) )");
        assertThat(MeasureChanges.between(
                                "payments",
                                List.of(demand),
                                MeasuredBy.parse(demand.written(), KPIS, true),
                                line -> true)
                        .isEmpty())
                .isTrue();
    }

    @Test
    void changes_bind_new_and_changed_lines_and_unbind_only_what_the_saved_text_governs() {
        List<MeasuredBy.Line> current = List.of(
                new MeasuredBy.Line(Optional.of("availability"), "up"),
                new MeasuredBy.Line(Optional.of("latency-p99"), "lat"),
                new MeasuredBy.Line(Optional.empty(), "demand_total"));
        List<MeasuredBy.Line> wanted = List.of(
                new MeasuredBy.Line(Optional.of("availability"), "up"),
                new MeasuredBy.Line(Optional.of("latency-p99"), "lat2"));

        MeasureChanges all = MeasureChanges.between("payments", current, wanted, line -> true);
        MeasureChanges kpisOnly = MeasureChanges.between(
                "payments", current, wanted, line -> line.kpiKey().isPresent());

        assertThat(all.binds()).containsExactly(wanted.get(1));
        assertThat(all.unbinds()).containsExactly(Optional.empty());
        assertThat(all.targets()).isEqualTo("latency-p99, demand");
        assertThat(kpisOnly.unbinds()).isEmpty();
    }

    private static void assertRefused(String text, String... words) {
        assertThatThrownBy(() -> MeasuredBy.parse(text, KPIS, true))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .contains(words);
    }
}
