package dev.drumbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drumbeat.costs.CostMonths;
import dev.drumbeat.sandbox.DemoPortfolio;
import dev.drumbeat.support.SlackReply;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's cloud bills: eight whole months and the month so far from AWS, Azure and Google Cloud, each in its own
 * export shape, imported through the real import at the demo's start and telling the seed's story (a creeping
 * service, a spike, a split cluster, 3% untagged, a correction, credits and tax), with plans near the actuals.
 */
class DemoBillsTest {
    /** Wednesday 17 June 2026: the whole months billed are October 2025 to May 2026, and June so far. */
    private static final Clock DAY = Clock.fixed(Instant.parse("2026-06-17T10:00:00Z"), ZoneOffset.UTC);

    private static final YearMonth LATEST = YearMonth.of(2026, 5);
    private static final YearMonth FIRST = LATEST.minusMonths(7);
    private static final String TEAM = DemoPortfolio.TEAM_ID;
    private static final String TOM = "U0NWB03TM";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern AGAINST_PLAN = Pattern.compile("against plan \\((-?[\\d.]+)%\\)");
    private static final List<String> BILLED = List.of(
            "mobile-banking-app",
            "online-banking",
            "payments-gateway",
            "cloud-landing-zone",
            "api-gateway",
            "customer-notifications",
            "kyc-onboarding",
            "developer-platform",
            "test-environments",
            "siem-soc",
            "fraud-detection",
            "backup-recovery",
            "document-management",
            "data-warehouse",
            "risk-engine");

    @TempDir
    static Path dataDir;

    private static Demo demo;

    @BeforeAll
    static void start() {
        demo = Demo.start(dataDir, 0, DAY);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void eight_whole_months_and_the_month_so_far_are_imported_from_each_cloud() {
        SortedMap<YearMonth, CostMonths.Month> months = costs().totals(TEAM, FIRST, LATEST.plusMonths(1));

        assertThat(months.keySet()).hasSize(9).first().isEqualTo(FIRST);
        assertThat(months.values().stream().filter(CostMonths.Month::soFar))
                .extracting(CostMonths.Month::month)
                .containsExactly(LATEST.plusMonths(1));
        assertThat(rows("select billing_account_id, count(*) from cost_periods where team_id = :team group by 1"
                        + " order by 1"))
                .containsExactly("004417263158 9", "01B7E4-5C92A0-D3F816 9", "74528119 9");
    }

    @Test
    void each_cloud_writes_its_own_export_shape_and_aws_several_parts_a_month() throws Exception {
        assertThat(files(".parquet")).hasSize(3 * 9).allMatch(f -> f.toString().contains("BILLING_PERIOD=20"));
        assertThat(files(".csv")).hasSize(9);
        assertThat(files(".csv.gz")).hasSize(9);
        assertThat(first("select SubAccountId from " + aws() + " where SubAccountName = 'nwb-landing-zone'"))
                .isEqualTo("009876543210");
        assertThat(first("select typeof(Tags) from " + aws())).startsWith("MAP");
        assertThat(first("select count(*) from " + aws() + " where x_UsageType is not null"))
                .isNotEqualTo("0");
        assertThat(first("select BillingPeriodStart from " + csv(".csv") + " limit 1"))
                .matches("\\d{4}-\\d{2}-01T00:00Z");
        assertThat(first("select SubAccountId from " + csv(".csv") + " where ServiceName = 'Microsoft Sentinel'"))
                .startsWith("/subscriptions/");
        assertThat(first("select Tags from " + csv(".csv") + " where ServiceName = 'Microsoft Sentinel'"))
                .isEqualTo("{\"service\":\"siem-soc\",\"costcenter\":true}");
        assertThat(first("select BillingPeriodStart from " + csv(".csv.gz") + " where BillingPeriodStart like"
                        + " '2026-01%'"))
                .isEqualTo("2026-01-01 08:00:00 UTC");
        assertThat(first("select BillingPeriodStart from " + csv(".csv.gz") + " where BillingPeriodStart like"
                        + " '2026-05%'"))
                .isEqualTo("2026-05-01 07:00:00 UTC");
        assertThat(first("select x_Labels from " + csv(".csv.gz") + " where SubAccountId = 'nwb-dwh-prod' and"
                        + " x_Labels <> '[]'"))
                .contains("{\"key\":\"team\",\"value\":\"data\"}");
    }

    @Test
    void the_creeping_service_is_up_22_percent_in_six_months_and_the_spike_is_40_percent() {
        SortedMap<YearMonth, BigDecimal> creeping = serviceMonths("mobile-banking-app");
        SortedMap<YearMonth, BigDecimal> spiking = serviceMonths("data-warehouse");

        assertThat(ratio(creeping.get(LATEST), creeping.get(LATEST.minusMonths(6))))
                .isCloseTo(1.22, within(0.01));
        for (YearMonth month = LATEST.minusMonths(5); !month.isAfter(LATEST); month = month.plusMonths(1)) {
            assertThat(ratio(creeping.get(month), creeping.get(month.minusMonths(1))))
                    .as("the creep is steady: " + month)
                    .isBetween(1.02, 1.05);
        }
        assertThat(ratio(spiking.get(LATEST), spiking.get(LATEST.minusMonths(1))))
                .isCloseTo(1.40, within(0.001));
        assertThat(ratio(spiking.get(LATEST.minusMonths(1)), spiking.get(LATEST.minusMonths(2))))
                .isBetween(0.97, 1.03);
    }

    @Test
    void every_other_service_moves_a_few_percent_a_month_and_sits_near_its_plan() {
        List<String> ordinary = BILLED.stream()
                .filter(key -> !key.equals("mobile-banking-app") && !key.equals("data-warehouse"))
                .toList();
        int over = 0;
        for (String key : ordinary) {
            SortedMap<YearMonth, BigDecimal> months = serviceMonths(key);
            assertThat(months.headMap(LATEST.plusMonths(1))).as(key).hasSize(8);
            for (YearMonth month = FIRST.plusMonths(1); !month.isAfter(LATEST); month = month.plusMonths(1)) {
                assertThat(ratio(months.get(month), months.get(month.minusMonths(1))))
                        .as(key + " " + month)
                        .isBetween(0.96, 1.04);
            }
            double againstPlan = ratio(months.get(LATEST), plan(key));
            assertThat(againstPlan).as(key + " against its plan").isBetween(0.88, 1.12);
            over += againstPlan > 1 ? 1 : 0;
        }
        assertThat(over).isBetween(3, ordinary.size() - 3);
    }

    @Test
    void about_three_percent_is_unallocated_and_every_cent_of_the_files_is_accounted_for() throws Exception {
        SortedMap<YearMonth, CostMonths.Month> months = costs().totals(TEAM, FIRST, LATEST.plusMonths(1));

        for (CostMonths.Month month : months.headMap(LATEST.plusMonths(1)).values()) {
            assertThat(month.unallocatedShare().doubleValue())
                    .as(month.month().toString())
                    .isBetween(0.025, 0.035);
        }
        BigDecimal imported =
                months.values().stream().map(CostMonths.Month::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal files = new BigDecimal(first("select sum(cost) from (select"
                        + " sum(cast(cast(EffectiveCost as varchar) as decimal(38, 10))) as cost from " + aws()
                        + " union all select sum(cast(EffectiveCost as decimal(38, 10))) from " + csv(".csv")
                        + " union all select sum(cast(EffectiveCost as decimal(38, 10))) from " + csv(".csv.gz") + ")"))
                .setScale(2, RoundingMode.HALF_EVEN);
        assertThat(imported.setScale(2, RoundingMode.HALF_EVEN)).isEqualTo(files);
        assertThat(costs().largestUnallocated(TEAM, LATEST, 10))
                .extracting(line ->
                        line.serviceName().orElse("") + " " + line.resourceId().orElse(""))
                .startsWith("AWS Support (Enterprise) ")
                .anyMatch(line -> line.contains("vm-ml-gpu-01"))
                .anyMatch(line -> line.contains("quant-notebook-1"))
                .anyMatch(line -> line.contains("nat-0c9d8e7f6a5b4c3d2"));
    }

    @Test
    void the_shared_cluster_is_split_50_30_20_by_a_rule() {
        assertThat(rows("select r.match_value, s.key, trim_scale(sh.percent) from cost_rules r join cost_rule_shares sh"
                        + " using (team_id, position) join services s on s.id = sh.service_id where r.team_id = :team"
                        + " and r.match_kind = 'tag' and r.match_key = 'aws:eks:cluster-name' order by sh.percent"
                        + " desc"))
                .containsExactly(
                        "nwb-shared-prod api-gateway 50",
                        "nwb-shared-prod customer-notifications 30",
                        "nwb-shared-prod kyc-onboarding 20");
    }

    @Test
    void a_correction_counts_in_the_month_it_corrects_and_credits_tax_and_a_purchase_are_kept_apart() throws Exception {
        String corrected = first("select left(ChargePeriodStart, 7) || ' ' || left(BillingPeriodStart, 7) || ' '"
                + " || EffectiveCost from " + csv(".csv") + " where ChargeClass = 'Correction'");
        assertThat(corrected).startsWith("2026-02 2026-04 -");
        BigDecimal february = new BigDecimal(first("select sum(cast(EffectiveCost as decimal(38, 10))) from "
                + csv(".csv") + " where SubAccountName = 'nwb-secops-prod' and ChargePeriodStart like '2026-02%'"));
        assertThat(serviceMonths("siem-soc").get(YearMonth.of(2026, 2))).isEqualByComparingTo(february);

        Map<String, BigDecimal> charges = demo
                .jdbi()
                .withHandle(handle -> handle.createQuery("select charge_category, sum(effective_cost) from"
                                + " cost_period_charges where team_id = :team group by 1")
                        .bind("team", TEAM)
                        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getBigDecimal(2)))
                        .list())
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(charges.get("Tax")).isPositive();
        assertThat(charges.get("Credit")).isNegative();
        assertThat(charges.get("Purchase")).isZero();
        assertThat(first("select max(BilledCost) from " + aws() + " where ChargeCategory = 'Purchase'"))
                .isNotEqualTo("0.0");
    }

    @Test
    void the_service_card_sets_the_latest_whole_month_against_the_plan() throws Exception {
        String creeping = command("/drumbeat status mobile banking app");
        String ordinary = command("/drumbeat status online banking");

        assertThat(creeping).contains("*Actual cost (bills, May 2026)*", "*Margin on actual*");
        assertThat(percentAgainstPlan(creeping)).isBetween(19.0, 25.0);
        assertThat(ordinary).contains("*Actual cost (bills, May 2026)*");
        assertThat(percentAgainstPlan(ordinary)).isBetween(-10.0, 10.0);
    }

    @Test
    void a_restart_imports_nothing_again() {
        BigDecimal before = grandTotal();
        int imports = imports();

        demo.close();
        demo = Demo.start(dataDir, 0, DAY);

        assertThat(imports()).isEqualTo(imports).isEqualTo(3);
        assertThat(grandTotal()).isEqualByComparingTo(before);
    }

    /** Each row of a query over the demo's database, its cells joined by spaces. */
    private static List<String> rows(String sql) {
        return demo.jdbi()
                .withHandle(handle -> handle.createQuery(sql)
                        .bind("team", TEAM)
                        .map((rs, ctx) -> {
                            StringBuilder row = new StringBuilder(rs.getString(1));
                            for (int i = 2; i <= rs.getMetaData().getColumnCount(); i++) {
                                row.append(' ').append(rs.getString(i));
                            }
                            return row.toString();
                        })
                        .list());
    }

    private static BigDecimal grandTotal() {
        return costs().totals(TEAM, FIRST, LATEST.plusMonths(1)).values().stream()
                .map(CostMonths.Month::total)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static int imports() {
        return demo.jdbi()
                .withHandle(handle -> handle.createQuery("select count(*) from cost_imports where team_id = :team")
                        .bind("team", TEAM)
                        .mapTo(Integer.class)
                        .one());
    }

    private static CostMonths costs() {
        return new CostMonths(demo.jdbi(), DAY);
    }

    private static SortedMap<YearMonth, BigDecimal> serviceMonths(String key) {
        long id = demo.jdbi()
                .withHandle(handle -> handle.createQuery("select id from services where team_id = :team and key = :key")
                        .bind("team", TEAM)
                        .bind("key", key)
                        .mapTo(Long.class)
                        .one());
        return costs().service(TEAM, id, FIRST, LATEST.plusMonths(1));
    }

    private static BigDecimal plan(String key) {
        return demo.jdbi()
                .withHandle(handle -> handle.createQuery("select unit_cost * monthly_demand from services where"
                                + " team_id = :team and key = :key")
                        .bind("team", TEAM)
                        .bind("key", key)
                        .mapTo(BigDecimal.class)
                        .one());
    }

    private static double ratio(BigDecimal a, BigDecimal b) {
        return a.divide(b, 6, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static double percentAgainstPlan(String card) {
        Matcher percent = AGAINST_PLAN.matcher(card);
        assertThat(percent.find()).as(card).isTrue();
        return Double.parseDouble(percent.group(1));
    }

    private static String command(String text) throws Exception {
        String body = JSON.writeValueAsString(Map.of("userId", TOM, "text", text));
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + demo.port() + "/sandbox/api/command"))
                        .timeout(Duration.ofSeconds(20))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return SlackReply.texts(JSON.readTree(response.body()).path("body"));
    }

    private static List<Path> files(String suffix) throws Exception {
        try (Stream<Path> paths = Files.walk(dataDir.resolve("bills"))) {
            return paths.filter(path -> path.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        }
    }

    private static String aws() {
        return "read_parquet('" + dataDir.resolve("bills") + "/aws/**/*.parquet', union_by_name = true)";
    }

    private static String csv(String suffix) throws Exception {
        String list = files(suffix).stream()
                .map(path -> "'" + path + "'")
                .reduce((a, b) -> a + ", " + b)
                .orElseThrow();
        return "read_csv([" + list + "], header = true, all_varchar = true, union_by_name = true)";
    }

    /** The first cell of a DuckDB query over the demo's bill files, as text. */
    private static String first(String sql) throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duck.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).as(sql).isTrue();
            return rows.getString(1);
        }
    }
}
