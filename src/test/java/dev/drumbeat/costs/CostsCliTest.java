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
                        "account 012345678901, March 2025: $1,187.32 amortised (32 rows)");
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
        assertThat(stdout()).contains("$1,200.00 amortised (33 rows), replacing $1,187.32 imported before (+$12.68)");
        assertThat(count("cost_periods")).isEqualTo(1);
        assertThat(count("cost_imports")).isEqualTo(2);
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
