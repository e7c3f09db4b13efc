package dev.drumbeat.catalog.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.drumbeat.audit.AuditDao;
import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.MutableClock;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The import and export on real PostgreSQL: all or nothing, by key, audited, round-tripping. */
class CatalogImportServiceTest {
    static final String TEAM = "T0IMPORT1";
    static final String HEADER = CatalogCsvParsingTest.HEADER;
    static final String THREE_SERVICES = HEADER + "\n"
            + "payments-api,Payments API,strategic,yes,U0ALEX001,sam,0.12,transaction,4200000,900000,C0PAYMENTS,\"Cards, wallets\"\n"
            + "data-warehouse,Data Warehouse,core,no,Alex Morgan,,1200,TB,420,600000,,\"Nightly loads.\nOwned by data.\"\n"
            + "service-desk,=Service Desk,secondary,,@sam,,18.5,ticket,3100,70000,,\n";

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withoutApp();

    static Jdbi jdbi;
    CatalogImportService importer;

    @BeforeEach
    void startFromAnEmptyWorkspace() {
        jdbi = drumbeat.jdbi();
        jdbi.useHandle(handle -> {
            handle.execute("insert into workspaces (team_id, name) values (?, 'Import test')", TEAM);
            handle.execute(
                    "insert into people (team_id, user_id, name, real_name) values (?, 'U0ALEX001', 'alex', 'Alex Morgan'),"
                            + " (?, 'U0SAM0001', 'sam', 'Sam Lee')",
                    TEAM,
                    TEAM);
            handle.execute(
                    "insert into people (team_id, user_id, name, real_name, deactivated)"
                            + " values (?, 'U0GONE001', 'gone', 'Gone Away', true)",
                    TEAM);
        });
        importer = new CatalogImportService(jdbi, new AuditLog(MutableClock.atSystemTime()));
    }

    @Test
    void a_new_file_creates_every_service_with_one_audit_entry_each() {
        CatalogImportResult result = importCsv("plan.csv", THREE_SERVICES);

        assertThat(result).isEqualTo(new CatalogImportResult.Imported(3, 0, 0, 0));
        assertThat(serviceKeys()).containsExactly("data-warehouse", "payments-api", "service-desk");
        assertThat(audit())
                .containsExactly(
                        "create service payments-api by csv:plan.csv",
                        "create service data-warehouse by csv:plan.csv",
                        "create service service-desk by csv:plan.csv");
    }

    @Test
    void a_file_with_one_bad_row_imports_nothing() {
        importCsv("plan.csv", THREE_SERVICES);
        int before = serviceCount();
        String oneBadRow =
                THREE_SERVICES.replace("Payments API", "Payments Hub") + "ledger,Ledger,core,,,,\"12,x\",,1,1,,\n";

        CatalogImportResult result = importCsv("plan.csv", oneBadRow);

        assertThat(result)
                .asInstanceOf(type(CatalogImportResult.Rejected.class))
                .extracting(CatalogImportResult.Rejected::problems)
                .asList()
                .containsExactly(new CatalogCsvProblem(5, "unit_cost", "“12,x” is not a number"));
        assertThat(serviceCount()).isEqualTo(before);
        assertThat(name("payments-api")).isEqualTo("Payments API");
        assertThat(audit()).hasSize(3);
    }

    @Test
    void re_importing_updates_by_key_and_audits_only_the_rows_that_changed() {
        importCsv("plan.csv", THREE_SERVICES);
        String edited =
                THREE_SERVICES.replace("0.12,transaction", "0.15,transaction").replace(",1200,TB,", ",1200.00,TB,");

        CatalogImportResult result = importCsv("plan-v2.csv", edited);

        assertThat(result).isEqualTo(new CatalogImportResult.Imported(0, 1, 2, 0));
        BigDecimal unitCost =
                jdbi.withHandle(h -> h.createQuery("select unit_cost from services where key = 'payments-api'")
                        .mapTo(BigDecimal.class)
                        .one());
        assertThat(unitCost).isEqualByComparingTo("0.15");
        assertThat(audit()).hasSize(4).last().isEqualTo("update service payments-api by csv:plan-v2.csv");
    }

    @Test
    void services_missing_from_the_file_are_left_alone_and_counted() {
        importCsv("plan.csv", THREE_SERVICES);

        CatalogImportResult result = importCsv("small.csv", HEADER + "\nsearch,Search,core,,,,1,,1,1,,\n");

        assertThat(result).isEqualTo(new CatalogImportResult.Imported(1, 0, 0, 3));
        assertThat(((CatalogImportResult.Imported) result).summary())
                .isEqualTo(
                        "1 created, 0 updated, 0 unchanged. 3 services in Drumbeat are not in the file and were left as they are.");
        assertThat(serviceKeys()).containsExactly("data-warehouse", "payments-api", "search", "service-desk");
    }

    @Test
    void an_unknown_owner_is_an_error_and_nothing_is_imported() {
        CatalogImportResult result = importCsv("plan.csv", THREE_SERVICES + "mail,Mail,core,,Nobody Known,,1,,1,1,,\n");

        assertThat(result)
                .asInstanceOf(type(CatalogImportResult.Rejected.class))
                .extracting(r -> r.problems().get(0))
                .isEqualTo(
                        new CatalogCsvProblem(
                                5,
                                "owner",
                                "nobody called “Nobody Known” is known to Drumbeat; use their Slack id (like U024BE7LH) or @handle"));
        assertThat(serviceCount()).isZero();
        assertThat(audit()).isEmpty();
    }

    @Test
    void export_then_import_changes_nothing() {
        importCsv("plan.csv", THREE_SERVICES);
        jdbi.useHandle(h -> h.execute("update people set deactivated = true where user_id = 'U0ALEX001'"));
        String exported = new CatalogExport(jdbi).csv(TEAM);

        CatalogImportResult result = importCsv("export.csv", exported);

        assertThat(result).isEqualTo(new CatalogImportResult.Imported(0, 0, 3, 0));
        assertThat(audit()).hasSize(3);
        assertThat(new CatalogExport(jdbi).csv(TEAM)).isEqualTo(exported);
    }

    @Test
    void export_writes_every_column_sorted_by_key_with_names_cost_and_margin_for_people() {
        importCsv("plan.csv", THREE_SERVICES);

        List<String> lines = new CatalogExport(jdbi).csv(TEAM).lines().toList();

        assertThat(lines.get(0))
                .isEqualTo(
                        "key,name,tier,protected,owner,owner_name,deputy,deputy_name,unit_cost,unit_name,"
                                + "monthly_demand,monthly_value,monthly_cost,margin,team_channel,description,kpi_query,demand_query");
        assertThat(lines.get(1))
                .isEqualTo("data-warehouse,Data Warehouse,core,no,U0ALEX001,Alex Morgan,,,1200.00,TB,"
                        + "420.00,600000.00,504000.00,96000.00,,\"Nightly loads.");
        assertThat(lines)
                .contains(
                        "payments-api,Payments API,strategic,yes,U0ALEX001,Alex Morgan,U0SAM0001,Sam Lee,0.12,"
                                + "transaction,4200000.00,900000.00,504000.00,396000.00,C0PAYMENTS,\"Cards, wallets\",,",
                        "service-desk,'=Service Desk,secondary,no,U0SAM0001,Sam Lee,,,18.50,ticket,3100.00,70000.00,57350.00,12650.00,,,,");
    }

    @Test
    void two_rows_with_one_name_however_cased_or_punctuated_import_nothing_and_the_later_row_is_named() {
        String twice = THREE_SERVICES + "payments-gw,payments-API,core,,,,1,call,1,1,,\n";

        CatalogImportResult result = importCsv("plan.csv", twice);

        assertThat(result)
                .asInstanceOf(type(CatalogImportResult.Rejected.class))
                .extracting(CatalogImportResult.Rejected::problems)
                .asList()
                .containsExactly(new CatalogCsvProblem(
                        5,
                        "name",
                        "payments-API is the name of Payments API (payments-api) on line 2; names must differ by more"
                                + " than case, spaces and punctuation"));
        assertThat(serviceCount()).isZero();
    }

    @Test
    void a_row_named_as_a_service_the_file_leaves_alone_imports_nothing() {
        importCsv("plan.csv", THREE_SERVICES);

        CatalogImportResult result =
                importCsv("more.csv", HEADER + "\n" + "warehouse-2,Data  Warehouse,core,,,,1,TB,1,1,,\n");

        assertThat(result)
                .asInstanceOf(type(CatalogImportResult.Rejected.class))
                .extracting(CatalogImportResult.Rejected::problems)
                .asList()
                .containsExactly(new CatalogCsvProblem(
                        2,
                        "name",
                        "Data  Warehouse is the name of Data Warehouse (data-warehouse); names must differ by more"
                                + " than case, spaces and punctuation"));
        assertThat(serviceCount()).isEqualTo(3);
    }

    @Test
    void two_services_can_swap_names_in_one_file() {
        importCsv("plan.csv", THREE_SERVICES);
        String swapped = THREE_SERVICES
                .replace("payments-api,Payments API,", "payments-api,Data Warehouse,")
                .replace("data-warehouse,Data Warehouse,", "data-warehouse,Payments API,");

        CatalogImportResult result = importCsv("swap.csv", swapped);

        assertThat(result).isEqualTo(new CatalogImportResult.Imported(0, 2, 1, 0));
        assertThat(name("payments-api")).isEqualTo("Data Warehouse");
        assertThat(name("data-warehouse")).isEqualTo("Payments API");
    }

    private CatalogImportResult importCsv(String file, String csv) {
        return importer.importCsv(TEAM, "csv:" + file, csv.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> serviceKeys() {
        return jdbi.withHandle(h -> h.createQuery("select key from services order by key")
                .mapTo(String.class)
                .list());
    }

    private int serviceCount() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from services")
                .mapTo(Integer.class)
                .one());
    }

    private String name(String key) {
        return jdbi.withHandle(h -> h.createQuery("select name from services where key = :key")
                .bind("key", key)
                .mapTo(String.class)
                .one());
    }

    private List<String> audit() {
        return jdbi.withExtension(AuditDao.class, dao -> dao.describeAll(TEAM));
    }
}
