package dev.drumbeat.costs;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.drumbeat.Cli;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.FocusExports;
import dev.drumbeat.support.FocusExports.Shape;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** `drumbeat costs import`: a provider's export lands whole or not at all, and a month imported again replaces. */
class CostsCliTest {
    static final String TEAM = "T0COST001";

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withoutApp();

    static Jdbi jdbi;
    static Map<String, String> env;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @BeforeEach
    void oneWorkspace() {
        jdbi = drumbeat.jdbi();
        env = Map.of("DATABASE_URL", ((HikariDataSource) drumbeat.database().dataSource()).getJdbcUrl());
        jdbi.useHandle(h -> h.execute("insert into workspaces (team_id) values (?)", TEAM));
    }

    private static FocusExports march() {
        FocusExports export = new FocusExports(Shape.AWS);
        for (int i = 0; i < 30; i++) {
            export.usage("000123456789", "Compute", "0.1");
        }
        return export.usage("000123456789", "Storage", "1234.5678")
                .charge("Credit", "000123456789", "Compute", "-50.25", "-50.25");
    }

    @Test
    void an_export_in_parts_is_stored_per_account_and_month_with_its_credits_apart() {
        List<Path> files = march().write(dir, ".csv.gz", 3);

        int exit = run(files);

        assertThat(exit).as(stderr()).isZero();
        assertThat(stdout())
                .contains(
                        "Imported 32 rows from 3 files into " + TEAM,
                        "account 012345678901, March 2025: $1,187.32 amortised (32 rows; credits \u2212$50.25)");
        assertThat(decimal("select effective_cost from cost_periods")).isEqualByComparingTo("1187.3178");
        assertThat(decimal("select effective_cost from cost_period_charges where charge_category = 'Credit'"))
                .isEqualByComparingTo("-50.25");
        assertThat(count("audit_log where entity = 'costs'")).isEqualTo(1);
    }

    @Test
    void a_month_imported_again_replaces_the_first_and_says_by_how_much_it_changed() {
        run(march().write(dir.resolve("first"), ".csv", 1));
        List<Path> corrected =
                march().usage("000123456789", "Compute", "12.68").write(dir.resolve("again"), ".parquet", 2);

        int exit = run(corrected);

        assertThat(exit).as(stderr()).isZero();
        assertThat(stdout())
                .contains(
                        "$1,200.00 amortised (33 rows; credits \u2212$50.25)",
                        "replacing $1,187.32 imported before (+$12.68)");
        assertThat(count("cost_periods")).isEqualTo(1);
        assertThat(count("cost_imports")).isEqualTo(2);
    }

    @Test
    void rules_allocate_every_cent_first_match_wins_and_a_split_shares_a_cluster() throws Exception {
        jdbi.useHandle(h -> h.execute(
                "insert into services (team_id, key, name, tier) values (?, 'payments',"
                        + " 'Payments', 'core'), (?, 'crm', 'CRM', 'secondary'), (?, 'intranet', 'Intranet', 'secondary')",
                TEAM,
                TEAM,
                TEAM));
        Path rules = Files.writeString(
                dir.resolve("rules.csv"),
                "match,key,value,services\n"
                        + "tag,user:service,payments,payments\n"
                        + "sub-account,,000111111111,crm\n"
                        + "resource-prefix,,ARN:AWS:EKS:eu-west-1:000222222222:cluster/shared,payments:50 crm:30"
                        + " intranet:20\n"
                        + "provider-service,,Amazon Redshift,crm\n");
        assertThat(runArgs("costs", "rules", rules.toString())).as(stderr()).isZero();
        FocusExports bills = new FocusExports(Shape.AWS)
                .add(charge("000111111111", "Amazon RDS", "db-1", "{}", "100.00"))
                .add(charge(
                        "000222222222",
                        "Amazon EKS",
                        "arn:aws:eks:eu-west-1:000222222222:cluster/shared",
                        "{}",
                        "300.01"))
                .add(charge("000111111111", "Amazon EC2", "i-1", "{\"user:service\": \"payments\"}", "40.00"))
                .add(charge("000999999999", "AWS Support", "", "{}", "12.34"));

        assertThat(run(bills.write(dir, ".csv", 2))).as(stderr()).isZero();

        assertThat(stdout())
                .contains(
                        "$452.35 amortised (4 rows), $440.01 to 3 services, $12.34 unallocated",
                        "rule 4 (provider-service Amazon Redshift) matched nothing in these bills");
        assertThat(decimal("select effective_cost from cost_allocations a join services s on s.id = a.service_id"
                        + " where s.key = 'payments'"))
                .isEqualByComparingTo("190.005");
        assertThat(decimal("select effective_cost from cost_allocations a join services s on s.id = a.service_id"
                        + " where s.key = 'crm'"))
                .isEqualByComparingTo("190.003");
        assertThat(decimal("select effective_cost from cost_allocations a join services s on s.id = a.service_id"
                        + " where s.key = 'intranet'"))
                .isEqualByComparingTo("60.002");
        assertThat(decimal("select sum(effective_cost) from cost_allocations")
                        .add(decimal("select unallocated_cost from cost_periods")))
                .isEqualByComparingTo(decimal("select effective_cost from cost_periods"));
        String largest =
                jdbi.withHandle(h -> h.createQuery("select service_name from cost_unallocated_lines where rank = 1")
                        .mapTo(String.class)
                        .one());
        assertThat(largest).isEqualTo("AWS Support");
    }

    @Test
    void a_rules_file_with_a_bad_split_or_an_unknown_service_changes_nothing() throws Exception {
        jdbi.useHandle(h -> h.execute(
                "insert into services (team_id, key, name, tier) values (?, 'payments', 'Payments', 'core')", TEAM));
        Path split = Files.writeString(
                dir.resolve("split.csv"), "match,key,value,services\nprovider-service,,Amazon EKS,payments:50\n");
        Path unknown = Files.writeString(
                dir.resolve("unknown.csv"), "match,key,value,services\nsub-account,,000111111111,billing\n");

        assertThat(runArgs("costs", "rules", split.toString())).isEqualTo(1);
        assertThat(stderr()).contains("Line 2: the split adds up to 50%, not 100%. Nothing was changed.");
        assertThat(runArgs("costs", "rules", unknown.toString())).isEqualTo(1);
        assertThat(stderr()).contains("Line 2: there is no active service with the key \"billing\"");
        assertThat(count("cost_rules")).isZero();
    }

    @Test
    void rules_set_after_bills_were_imported_allocate_those_months_again_and_say_what_moved() throws Exception {
        jdbi.useHandle(h -> h.execute(
                "insert into services (team_id, key, name, tier) values (?, 'crm', 'CRM', 'secondary')", TEAM));
        assertThat(run(march().write(dir.resolve("bills"), ".csv", 2)))
                .as(stderr())
                .isZero();
        Path rules = Files.writeString(
                dir.resolve("rules.csv"), "match,key,value,services\nsub-account,,000123456789,crm\n");

        assertThat(runArgs("costs", "rules", rules.toString())).as(stderr()).isZero();

        assertThat(stdout())
                .contains("1 allocation rule is in force now", "Allocated again: 1 month", "crm +$1,187.32");
        assertThat(decimal("select sum(effective_cost) from cost_allocations")).isEqualByComparingTo("1187.3178");
    }

    @Test
    void new_rules_keep_the_rate_a_foreign_month_was_converted_at() throws Exception {
        jdbi.useHandle(h -> {
            h.execute("insert into services (team_id, key, name, tier) values (?, 'crm', 'CRM', 'secondary')", TEAM);
            h.execute("insert into exchange_rates (team_id, currency, rate) values (?, 'EUR', 1.08)", TEAM);
        });
        FocusExports euros = new FocusExports(Shape.AZURE)
                .usage("000123456789", "Virtual Machines", "100.00")
                .in("2025-03", "EUR");
        assertThat(run(euros.write(dir.resolve("bills"), ".csv", 1)))
                .as(stderr())
                .isZero();
        jdbi.useHandle(h -> h.execute("update exchange_rates set rate = 1.20 where team_id = ?", TEAM));
        Path rules = Files.writeString(
                dir.resolve("rules.csv"), "match,key,value,services\nsub-account,,000123456789,crm\n");

        assertThat(runArgs("costs", "rules", rules.toString())).as(stderr()).isZero();

        assertThat(stdout()).contains("crm +$108.00");
        assertThat(decimal("select sum(effective_cost) from cost_allocations")).isEqualByComparingTo("108");
        assertThat(decimal("select exchange_rate from cost_periods")).isEqualByComparingTo("1.08");
    }

    private static FocusExports.Charge charge(
            String subAccount, String service, String resource, String tags, String cost) {
        return FocusExports.awsMarch(subAccount, service, resource, tags, cost);
    }

    @Test
    void a_file_that_is_not_a_cost_export_imports_nothing() {
        int exit = run(march().withoutEffectiveCost().write(dir, ".csv", 1));

        assertThat(exit).isEqualTo(1);
        assertThat(stderr()).contains("has no EffectiveCost column");
        assertThat(count("cost_imports")).isZero();
        assertThat(count("cost_periods")).isZero();
    }

    @Test
    void bills_in_another_currency_are_refused_naming_both() {
        FocusExports euros = new FocusExports(Shape.AZURE)
                .add(new FocusExports.Charge(
                        "8611537",
                        "2025-03-01T00:00Z",
                        "2025-04-01T00:00Z",
                        "EUR",
                        "Usage",
                        "/subscriptions/1",
                        "Virtual Machines",
                        "vm",
                        "{}",
                        "10",
                        "10"));

        int exit = run(euros.write(dir, ".csv", 1));

        assertThat(exit).isEqualTo(1);
        assertThat(stderr()).contains("billed in EUR", "counts this workspace's money in USD", "nothing was imported");
        assertThat(count("cost_imports")).isZero();
    }

    @Test
    void without_files_it_says_how_to_run_it() {
        assertThat(new Cli(env, print(out), print(err)).run(new String[] {"costs", "import"}))
                .isEqualTo(2);
        assertThat(stderr()).startsWith("usage: drumbeat costs import");
    }

    private int runArgs(String... args) {
        out.reset();
        err.reset();
        return new Cli(env, print(out), print(err)).run(args);
    }

    private int run(List<Path> files) {
        out.reset();
        err.reset();
        List<String> args = new ArrayList<>(List.of("costs", "import"));
        files.forEach(file -> args.add(file.toString()));
        return new Cli(env, print(out), print(err)).run(args.toArray(String[]::new));
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

    private static BigDecimal decimal(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(BigDecimal.class).one());
    }

    private static int count(String table) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from " + table)
                .mapTo(Integer.class)
                .one());
    }
}
