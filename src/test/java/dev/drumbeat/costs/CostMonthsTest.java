package dev.drumbeat.costs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.core.Money;
import dev.drumbeat.core.UserError;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.FocusExports;
import dev.drumbeat.support.FocusExports.Shape;
import dev.drumbeat.support.MutableClock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bills by the month each cost belongs to: a correction counts in the month it corrects and never twice, a bill
 * in another currency is converted at the admin's rate and says so, and negative usage is not netted silently.
 */
class CostMonthsTest {
    static final String TEAM = "T0MONTH01";
    static final Currency USD = Currency.getInstance("USD");

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withoutApp();

    final MutableClock clock = new MutableClock(Instant.parse("2025-05-10T09:00:00Z"));
    Jdbi jdbi;
    CostImportService imports;
    CostMonths months;
    long payments;

    @TempDir
    Path dir;

    @BeforeEach
    void oneWorkspaceWithARule() {
        jdbi = drumbeat.jdbi();
        jdbi.useHandle(h -> h.execute("insert into workspaces (team_id) values (?)", TEAM));
        payments = jdbi.withHandle(h -> h.createUpdate(
                        "insert into services (team_id, key, name, tier) values (?, 'payments', 'Payments', 'core')")
                .bind(0, TEAM)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
        new CostRules(jdbi, new AuditLog(clock))
                .replace(TEAM, "U0ADMIN", "match,key,value,services\nsub-account,,000111111111,payments\n".getBytes());
        imports = new CostImportService(jdbi, new AuditLog(clock), clock);
        months = new CostMonths(jdbi, clock);
    }

    private List<Path> bill(String name, FocusExports export) {
        return export.write(dir.resolve(name), ".csv", 2);
    }

    @Test
    void a_correction_counts_in_the_month_it_corrects_and_importing_again_never_counts_it_twice() {
        imports.importFiles(
                TEAM,
                "cli",
                bill(
                        "jan",
                        new FocusExports(Shape.AWS)
                                .usage("000111111111", "Compute", "100.00")
                                .usage("000999999999", "Support", "10.00")
                                .in("2025-01", "USD")),
                USD);
        FocusExports march = new FocusExports(Shape.AWS)
                .usage("000111111111", "Compute", "120.00")
                .correction("000111111111", "Compute", "2025-01", "-7.50")
                .correction("000999999999", "Support", "2025-01", "2.00");

        CostImportService.Imported first = imports.importFiles(TEAM, "cli", bill("mar", march), USD);
        imports.importFiles(TEAM, "cli", bill("mar-again", march), USD);

        SortedMap<YearMonth, BigDecimal> byMonth =
                months.service(TEAM, payments, YearMonth.of(2025, 1), YearMonth.of(2025, 3));
        assertThat(byMonth.get(YearMonth.of(2025, 1))).isEqualByComparingTo("92.50");
        assertThat(byMonth.get(YearMonth.of(2025, 3))).isEqualByComparingTo("120.00");
        CostMonths.Month january = months.totals(TEAM, YearMonth.of(2025, 1), YearMonth.of(2025, 1))
                .get(YearMonth.of(2025, 1));
        assertThat(january.allocated()).isEqualByComparingTo("92.50");
        assertThat(january.unallocated()).isEqualByComparingTo("12.00");
        assertThat(january.soFar()).isFalse();
        assertThat(CostImportService.describe(first, new Money(USD)))
                .anySatisfy(line -> assertThat(line)
                        .contains("corrections counted in the months they correct: January 2025 \u2212$5.50"));
    }

    @Test
    void a_bill_in_another_currency_is_converted_at_the_admins_rate_and_says_so() {
        FocusExports euros = new FocusExports(Shape.AZURE)
                .usage("000111111111", "Virtual Machines", "100.00")
                .usage("other", "Storage", "0.05")
                .in("2025-03", "EUR");
        List<Path> files = bill("eur", euros);
        assertThatThrownBy(() -> imports.importFiles(TEAM, "cli", files, USD))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("billed in EUR")
                .hasMessageContaining("`/drumbeat settings rate EUR <rate>`");
        jdbi.useHandle(
                h -> h.execute("insert into exchange_rates (team_id, currency, rate) values (?, 'EUR', 1.08)", TEAM));

        CostImportService.Imported imported = imports.importFiles(TEAM, "cli", files, USD);

        assertThat(CostImportService.describe(imported, new Money(USD)))
                .singleElement()
                .satisfies(line ->
                        assertThat(line).contains("$108.05 amortised", "converted from EUR at 1 EUR = 1.08 USD"));
        CostMonths.Month march = months.totals(TEAM, YearMonth.of(2025, 3), YearMonth.of(2025, 3))
                .get(YearMonth.of(2025, 3));
        assertThat(march.allocated()).isEqualByComparingTo("108");
        assertThat(march.unallocated()).isEqualByComparingTo("0.054");
        assertThat(months.sources(TEAM, YearMonth.of(2025, 3))).singleElement().satisfies(source -> {
            assertThat(source.currency()).isEqualTo("EUR");
            assertThat(source.exchangeRate())
                    .hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("1.08"));
            assertThat(source.files()).contains("part-1.csv");
        });
        assertThat(months.importedFiles(TEAM))
                .singleElement()
                .satisfies(last -> assertThat(last.files()).containsExactlyElementsOf(files));
    }

    @Test
    void negative_usage_that_is_not_a_correction_or_credit_imports_nothing_and_names_the_charge() {
        FocusExports odd = new FocusExports(Shape.AWS)
                .usage("000111111111", "Compute", "50.00")
                .usage("000111111111", "Storage", "-3.25");

        assertThatThrownBy(() -> imports.importFiles(TEAM, "cli", bill("odd", odd), USD))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("1 Usage charge has a negative cost")
                .hasMessageContaining("arn:aws:ec2")
                .hasMessageContaining("-3.25")
                .hasMessageContaining("nothing was imported");
        int stored = jdbi.withHandle(h -> h.createQuery("select count(*) from cost_imports")
                .mapTo(Integer.class)
                .one());
        assertThat(stored).isZero();
    }

    @Test
    void hostile_text_in_a_bill_is_stored_without_its_nul_and_never_breaks_the_import() {
        FocusExports hostile = new FocusExports(Shape.AWS)
                .add(new FocusExports.Charge(
                        "012345678901",
                        "2025-03-01T00:00:00Z",
                        "2025-04-01T00:00:00Z",
                        "USD",
                        "Usage",
                        "<!channel>\u0000",
                        "Amazon\u0000EC2 <@U0BOSS>",
                        "arn:\u0000" + "x".repeat(100_000),
                        "{}",
                        "12.00",
                        "12.00"));

        CostImportService.Imported imported = imports.importFiles(TEAM, "cli", bill("hostile", hostile), USD);

        assertThat(imported.rows()).isEqualTo(1);
        CostMonths.UnallocatedLine line =
                months.largestUnallocated(TEAM, YearMonth.of(2025, 3), 5).get(0);
        assertThat(line.subAccountId()).contains("<!channel>");
        assertThat(line.serviceName()).contains("AmazonEC2 <@U0BOSS>");
        assertThat(line.resourceId()).hasValueSatisfying(id -> assertThat(id).doesNotContain("\u0000"));
        assertThat(line.cost()).isEqualByComparingTo("12");
    }

    @Test
    void a_month_billed_only_while_it_ran_stays_so_far_until_its_whole_bill_is_imported() {
        clock.set(Instant.parse("2025-04-02T00:00:00Z"));
        imports.importFiles(
                TEAM,
                "cli",
                bill(
                        "mar",
                        new FocusExports(Shape.AWS)
                                .usage("000111111111", "Compute", "10")
                                .in("2025-03", "USD")),
                USD);
        clock.set(Instant.parse("2025-04-20T00:00:00Z"));
        imports.importFiles(
                TEAM,
                "cli",
                bill(
                        "apr-part",
                        new FocusExports(Shape.AWS)
                                .usage("000111111111", "Compute", "6")
                                .in("2025-04", "USD")),
                USD);
        clock.set(Instant.parse("2025-05-03T00:00:00Z"));

        assertThat(months.latestWhole(TEAM))
                .as("April's bill was taken on the 20th")
                .contains(YearMonth.of(2025, 3));
        assertThat(months.totals(TEAM, YearMonth.of(2025, 4), YearMonth.of(2025, 4))
                        .get(YearMonth.of(2025, 4))
                        .soFar())
                .isTrue();
        assertThat(new CostActuals(jdbi, clock).latest(TEAM, payments))
                .hasValueSatisfying(actual -> assertThat(actual.month()).isEqualTo(YearMonth.of(2025, 3)));

        imports.importFiles(
                TEAM,
                "cli",
                bill(
                        "apr",
                        new FocusExports(Shape.AWS)
                                .usage("000111111111", "Compute", "9")
                                .in("2025-04", "USD")),
                USD);

        assertThat(months.latestWhole(TEAM)).contains(YearMonth.of(2025, 4));
        assertThat(new CostActuals(jdbi, clock).latest(TEAM, payments)).hasValueSatisfying(actual -> {
            assertThat(actual.month()).isEqualTo(YearMonth.of(2025, 4));
            assertThat(actual.soFar()).isFalse();
        });
    }

    @Test
    void the_month_still_running_is_so_far_and_the_latest_whole_month_is_the_one_before() {
        imports.importFiles(
                TEAM,
                "cli",
                bill(
                        "apr",
                        new FocusExports(Shape.GOOGLE)
                                .usage("000111111111", "Compute", "10")
                                .in("2025-04", "USD")),
                USD);
        imports.importFiles(
                TEAM,
                "cli",
                bill(
                        "may",
                        new FocusExports(Shape.GOOGLE)
                                .usage("000111111111", "Compute", "4")
                                .in("2025-05", "USD")),
                USD);

        Map<Long, SortedMap<YearMonth, BigDecimal>> services =
                months.services(TEAM, YearMonth.of(2025, 1), YearMonth.of(2025, 12));

        assertThat(services.get(payments)).containsOnlyKeys(YearMonth.of(2025, 4), YearMonth.of(2025, 5));
        assertThat(months.latest(TEAM)).contains(YearMonth.of(2025, 5));
        assertThat(months.latestWhole(TEAM)).contains(YearMonth.of(2025, 4));
        assertThat(months.totals(TEAM, YearMonth.of(2025, 5), YearMonth.of(2025, 5))
                        .get(YearMonth.of(2025, 5))
                        .soFar())
                .isTrue();
    }
}
