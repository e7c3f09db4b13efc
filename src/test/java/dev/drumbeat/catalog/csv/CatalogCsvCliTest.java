package dev.drumbeat.catalog.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.drumbeat.Cli;
import dev.drumbeat.support.DrumbeatExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** `drumbeat import` and `drumbeat export` as a shell runs them, against a real database given by DATABASE_URL. */
class CatalogCsvCliTest {
    static final String TEAM = "T0CLI0001";
    /** A catalog a fresh install can take: nobody is known before Drumbeat has first asked Slack, so no owners. */
    static final String WITHOUT_OWNERS = "key,name,tier,unit_cost,monthly_demand,monthly_value\n"
            + "payments-api,Payments API,strategic,0.12,4200000,900000\n"
            + "service-desk,Service Desk,secondary,18.5,3100,70000\n";

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withoutApp();

    static Jdbi jdbi;
    static Map<String, String> env;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @BeforeEach
    void oneWorkspaceWithTwoPeople() {
        jdbi = drumbeat.jdbi();
        env = Map.of("DATABASE_URL", ((HikariDataSource) drumbeat.database().dataSource()).getJdbcUrl());
        jdbi.useHandle(h -> {
            h.execute("insert into workspaces (team_id) values (?)", TEAM);
            h.execute(
                    "insert into people (team_id, user_id, name, real_name) values (?, 'U0ALEX001', 'alex', 'Alex Morgan'),"
                            + " (?, 'U0SAM0001', 'sam', 'Sam Lee')",
                    TEAM,
                    TEAM);
        });
    }

    @Test
    void import_loads_the_file_into_the_only_workspace_and_prints_the_counts() throws IOException {
        Path csv = file("plan.csv", CatalogImportServiceTest.THREE_SERVICES);

        int exit = run("import", csv.toString());

        assertThat(exit).as(stderr()).isZero();
        assertThat(stdout()).contains("Imported " + csv + " into " + TEAM + ": 3 created, 0 updated, 0 unchanged.");
        assertThat(count("select count(*) from services where team_id = '" + TEAM + "'"))
                .isEqualTo(3);
        assertThat(count("select count(*) from audit_log where actor = 'csv:plan.csv'"))
                .isEqualTo(3);
    }

    @Test
    void import_with_bad_rows_prints_every_one_imports_nothing_and_exits_non_zero() throws IOException {
        Path csv = file(
                "bad.csv",
                CatalogImportServiceTest.THREE_SERVICES + "mail,Mail,core,,,,\"12,x\",,1,1,,\n"
                        + "ledger,Ledger,gold,,,,1,,1,1,,\n");

        int exit = run("import", csv.toString(), "--team", TEAM);

        assertThat(exit).isEqualTo(1);
        assertThat(stderr())
                .contains(
                        "nothing was imported from " + csv + "; fix these 2 problems",
                        "line 5, column unit_cost: “12,x” is not a number",
                        "line 6, column tier: the tier is strategic, core or secondary");
        assertThat(count("select count(*) from services")).isZero();
    }

    @Test
    void export_writes_the_file_and_reimporting_it_changes_nothing() throws IOException {
        run("import", file("plan.csv", CatalogImportServiceTest.THREE_SERVICES).toString());
        Path exported = dir.resolve("export.csv");

        assertThat(run("export", exported.toString(), "--team=" + TEAM))
                .as(stderr())
                .isZero();
        int exit = run("import", exported.toString());

        assertThat(exit).isZero();
        assertThat(Files.readString(exported))
                .startsWith("\uFEFFkey,name,tier,protected,owner,owner_name,")
                .contains("payments-api,");
        assertThat(stdout()).contains("0 created, 0 updated, 3 unchanged.");
    }

    @Test
    void an_exported_file_starts_with_a_byte_order_mark_so_excel_keeps_accents() throws IOException {
        jdbi.useHandle(h -> h.execute(
                "insert into services (team_id, key, name, tier) values (?, 'cafe', 'Café Wi-Fi', 'secondary')", TEAM));
        Path exported = dir.resolve("export.csv");

        assertThat(run("export", exported.toString())).as(stderr()).isZero();

        byte[] bytes = Files.readAllBytes(exported);
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("cafe,Café Wi-Fi,secondary,");
    }

    @Test
    void export_to_a_dash_writes_the_csv_to_standard_output() throws IOException {
        run("import", file("plan.csv", CatalogImportServiceTest.THREE_SERVICES).toString());
        out.reset();

        assertThat(run("export", "-")).isZero();

        assertThat(stdout()).startsWith("key,name,").contains("\r\nservice-desk,'=Service Desk,secondary,");
    }

    @Test
    void with_two_workspaces_and_no_team_it_asks_for_team_and_touches_nothing() throws IOException {
        jdbi.useHandle(h -> h.execute("insert into workspaces (team_id) values ('T0OTHER01')"));

        int exit = run(
                "import",
                file("plan.csv", CatalogImportServiceTest.THREE_SERVICES).toString());

        assertThat(exit).isEqualTo(1);
        assertThat(stderr().strip())
                .isEqualTo("drumbeat: the database has 2 workspaces (" + TEAM + ", T0OTHER01);"
                        + " pass --team with the one you mean.");
        assertThat(count("select count(*) from services")).isZero();
    }

    @Test
    void on_a_fresh_install_import_with_team_creates_the_workspace_and_loads_the_file() throws IOException {
        nothingInTheDatabase();
        Path csv = file("plan.csv", WITHOUT_OWNERS);

        int exit = run("import", csv.toString(), "--team", "T0FRESH01");

        assertThat(exit).as(stderr()).isZero();
        assertThat(stdout()).contains("Imported " + csv + " into T0FRESH01: 2 created");
        assertThat(count("select count(*) from services where team_id = 'T0FRESH01'"))
                .isEqualTo(2);
        out.reset();
        assertThat(run("import", csv.toString()))
                .as("the workspace is now the only one")
                .isZero();
        assertThat(stdout()).contains("0 created, 0 updated, 2 unchanged.");
    }

    @Test
    void on_a_fresh_install_a_rejected_file_creates_no_workspace() throws IOException {
        nothingInTheDatabase();
        Path csv = file("bad.csv", WITHOUT_OWNERS + "ledger,Ledger,gold,1,1,1\n");

        int exit = run("import", csv.toString(), "--team", "T0FRESH01");

        assertThat(exit).isEqualTo(1);
        assertThat(stderr()).contains("line 4, column tier");
        assertThat(count("select count(*) from workspaces")).isZero();
    }

    @Test
    void on_a_fresh_install_import_without_team_says_how_to_name_the_workspace() throws IOException {
        nothingInTheDatabase();

        int exit = run(
                "import",
                file("plan.csv", CatalogImportServiceTest.THREE_SERVICES).toString());

        assertThat(exit).isEqualTo(1);
        assertThat(stderr().strip())
                .isEqualTo("drumbeat: the database has no workspace yet; start `drumbeat serve` once (it asks Slack"
                        + " which workspace its token belongs to), or pass --team with your workspace's id, the T…"
                        + " in the address of Slack in a browser (app.slack.com/client/T…/).");
        assertThat(count("select count(*) from workspaces")).isZero();
    }

    @Test
    void a_team_that_is_not_a_slack_team_id_is_refused_and_nothing_is_created() throws IOException {
        nothingInTheDatabase();

        int exit = run(
                "import",
                file("plan.csv", CatalogImportServiceTest.THREE_SERVICES).toString(),
                "--team=acme");

        assertThat(exit).isEqualTo(1);
        assertThat(stderr()).startsWith("drumbeat: 'acme' is not a Slack workspace id");
        assertThat(count("select count(*) from workspaces")).isZero();
    }

    @Test
    void a_team_other_than_the_one_known_is_refused_rather_than_created() throws IOException {
        int exit = run(
                "import",
                file("plan.csv", CatalogImportServiceTest.THREE_SERVICES).toString(),
                "--team=T0TYPO001");

        assertThat(exit).isEqualTo(1);
        assertThat(stderr().strip())
                .isEqualTo("drumbeat: there is no workspace T0TYPO001 in the database (it has " + TEAM + ").");
        assertThat(count("select count(*) from workspaces")).isEqualTo(1);
    }

    @Test
    void a_missing_file_or_missing_argument_is_a_one_line_error() {
        assertThat(run("import", dir.resolve("nope.csv").toString())).isEqualTo(1);
        assertThat(stderr()).startsWith("drumbeat: cannot read ").contains("nope.csv");
        err.reset();
        assertThat(run("import")).isEqualTo(2);
        assertThat(stderr()).startsWith("usage: drumbeat import <catalog.csv>");
    }

    @Test
    void a_malformed_database_url_names_the_variable() {
        int exit = new Cli(Map.of("DATABASE_URL", "mysql://nope"), print(out), print(err)).run(new String[] {"export"});

        assertThat(exit).isEqualTo(2);
        assertThat(stderr()).startsWith("drumbeat: DATABASE_URL is malformed");
    }

    private static void nothingInTheDatabase() {
        jdbi.useHandle(h -> {
            h.execute("delete from people");
            h.execute("delete from workspaces");
        });
    }

    private int run(String... args) {
        return new Cli(env, print(out), print(err)).run(args);
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static int count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }
}
