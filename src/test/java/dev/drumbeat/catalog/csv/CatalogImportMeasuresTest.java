package dev.drumbeat.catalog.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.config.Monitoring;
import dev.drumbeat.core.Periods;
import dev.drumbeat.measure.Measurer;
import dev.drumbeat.measure.Measures;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.Seed;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The catalog CSV's kpi_query and demand_query columns on real PostgreSQL, with no Prometheus configured (what a query
 * measures is the modal test's business): bound once the import commits, refused cell by cell with nothing imported,
 * exported so that the file imports back unchanged, and safe in a spreadsheet.
 */
class CatalogImportMeasuresTest {
    static final String TEAM = "T0IMPORT2";
    static final String HEADER = CatalogCsvParsingTest.HEADER + ",kpi_query,demand_query";
    static final String PAYMENTS = "payments-api,Payments API,core,no,,,0.12,transaction,4200000,620000,,";

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withoutApp();

    Jdbi jdbi;
    Measures measures;
    CatalogImportService importer;
    Seed seed;

    @BeforeEach
    void aServiceWithTwoKpis() {
        jdbi = drumbeat.jdbi();
        seed = new Seed(jdbi, TEAM)
                .service("payments-api", "Payments API", "core", null, "0.12", "4200000", "620000")
                .kpi("payments-api", "availability", "Availability", "%", "99.9", "up", "99.95")
                .kpi("payments-api", "latency", "Latency", "ms", "200", "down", "180");
        measures = new Measures(
                jdbi,
                new AuditLog(drumbeat.clock()),
                Measurer.of(Monitoring.none()),
                new Periods(DayOfWeek.MONDAY, 9),
                drumbeat.clock());
        importer = new CatalogImportService(jdbi, new AuditLog(drumbeat.clock()), Optional.of(measures));
    }

    @AfterEach
    void stop() {
        measures.close();
    }

    @Test
    void a_good_import_binds_each_kpi_line_and_the_demand_once_it_has_committed() {
        CatalogImportResult result = importCsv(
                HEADER + "\n" + PAYMENTS + ",\"availability = avg_over_time(up{job=\"\"payments\"\"}[7d]) * 100\n"
                        + "latency = histogram_quantile(0.99, rate(x[5m]))\",sum(increase(payments_total[30d]))\n");

        assertThat(result)
                .asInstanceOf(type(CatalogImportResult.Imported.class))
                .satisfies(imported -> assertThat(imported.measures())
                        .hasSize(3)
                        .allSatisfy(m -> assertThat(m).contains("bound: no number now (Drumbeat has no Prometheus"))
                        .anySatisfy(m -> assertThat(m).startsWith("payments-api · availability bound"))
                        .anySatisfy(m -> assertThat(m).startsWith("payments-api · demand bound")));
        assertThat(bindings())
                .containsExactly(
                        "demand=sum(increase(payments_total[30d]))",
                        "availability=avg_over_time(up{job=\"payments\"}[7d]) * 100",
                        "latency=histogram_quantile(0.99, rate(x[5m]))");
        assertThat(seed.count("audit_log where entity = 'measure_binding' and actor = 'csv:plan.csv'"))
                .isEqualTo(3);
    }

    @Test
    void a_bad_query_cell_names_its_row_and_column_and_nothing_is_imported() {
        CatalogImportResult result = importCsv(HEADER + "\n"
                + "ledger,Ledger,core,no,,,1,,1,1,,,,sum(ledger_total)\n"
                + PAYMENTS + ",\"availability = up\nnope = up\",\"" + "x".repeat(Measures.MAX_QUERY + 1) + "\"\n"
                + "search,Search,core,no,,,1,,1,1,,,availability = up,\n");

        assertThat(result)
                .asInstanceOf(type(CatalogImportResult.Rejected.class))
                .extracting(CatalogImportResult.Rejected::problems)
                .asList()
                .containsExactly(
                        new CatalogCsvProblem(
                                3,
                                "kpi_query",
                                "line 2 of the cell: “nope” is not a KPI key; its KPIs are availability, latency"),
                        new CatalogCsvProblem(
                                3,
                                "demand_query",
                                "the PromQL is 2001 characters; at most 2000 (record a long expression as a"
                                        + " Prometheus recording rule and bind its name)"),
                        new CatalogCsvProblem(
                                4,
                                "kpi_query",
                                "line 1 of the cell: “availability” is not a KPI key; the service"
                                        + " has no KPIs yet"));
        assertThat(seed.count("services")).isEqualTo(1);
        assertThat(seed.count("measure_bindings")).isZero();
    }

    @Test
    void an_export_imports_back_unchanged_with_its_queries_guarded_for_spreadsheets() {
        String hostile = "-sum(x{a=\"=HYPERLINK(1)\", b=\"<!channel>, é\"})";
        String kpis = "latency = lat{a=\",\"}\n\navailability = up";
        assertThat(importCsv(HEADER + "\n" + PAYMENTS + "," + quoted(kpis) + "," + quoted(hostile) + "\n"))
                .isInstanceOf(CatalogImportResult.Imported.class);
        int audited = seed.count("audit_log");
        CatalogExport export = new CatalogExport(jdbi, Optional.of(measures));
        String exported = export.csv(TEAM);

        CatalogImportResult again = importCsv(exported);

        assertThat(exported.lines().findFirst().orElseThrow()).endsWith(",description,kpi_query,demand_query");
        assertThat(exported)
                .contains(quoted("availability = up\nlatency = lat{a=\",\"}") + "," + quoted("'" + hostile));
        assertThat(again).isEqualTo(new CatalogImportResult.Imported(0, 0, 1, 0));
        assertThat(seed.count("audit_log")).isEqualTo(audited);
        assertThat(export.csv(TEAM)).isEqualTo(exported);
        assertThat(bindings()).containsExactly("demand=" + hostile, "availability=up", "latency=lat{a=\",\"}");
    }

    @Test
    void a_blank_cell_leaves_bindings_alone_a_dash_unbinds_and_a_kpi_left_out_of_its_cell_is_unbound() {
        importCsv(HEADER + "\n" + PAYMENTS + ",\"availability = up\nlatency = lat\",demand_total\n");

        importCsv(HEADER + "\n" + PAYMENTS + ",,\n");
        assertThat(bindings()).hasSize(3);

        CatalogImportResult result = importCsv(HEADER + "\n" + PAYMENTS + ",availability = up,-\n");
        assertThat(bindings()).containsExactly("availability=up");
        assertThat(((CatalogImportResult.Imported) result).summary())
                .contains("payments-api · latency unbound", "payments-api · demand unbound");

        importCsv(HEADER + "\n" + PAYMENTS + ",-,\n");
        assertThat(bindings()).isEmpty();
    }

    @Test
    void the_command_line_import_checks_query_cells_but_binds_nothing_and_says_so() {
        CatalogImportService cli = new CatalogImportService(jdbi, new AuditLog(drumbeat.clock()));

        CatalogImportResult result = cli.importCsv(
                TEAM,
                "csv:plan.csv",
                (HEADER + "\n" + PAYMENTS + ",availability = up,\n").getBytes(StandardCharsets.UTF_8));

        assertThat(((CatalogImportResult.Imported) result).measures()).containsExactly(CatalogImportService.NOT_BOUND);
        assertThat(seed.count("measure_bindings")).isZero();
    }

    private CatalogImportResult importCsv(String csv) {
        return importer.importCsv(TEAM, "csv:plan.csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private static String quoted(String cell) {
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }

    private List<String> bindings() {
        return jdbi.withHandle(h -> h.createQuery("""
                        select coalesce(k.key, 'demand') || '=' || b.query from measure_bindings b left join kpis k on k.id = b.kpi_id
                         order by k.key nulls first""").mapTo(String.class).list());
    }
}
