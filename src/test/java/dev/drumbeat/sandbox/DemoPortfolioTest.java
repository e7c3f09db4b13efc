package dev.drumbeat.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.db.Database;
import dev.drumbeat.sandbox.DemoPortfolio.DemoPerson;
import dev.drumbeat.sandbox.DemoPortfolio.Summary;
import dev.drumbeat.sandbox.standin.SlackStandIn;
import dev.drumbeat.support.TestDatabase;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoPortfolioTest {

    /** A Wednesday: this week began on Monday 16 March, so the twelve weeks before it began on Monday 22 December. */
    private static final Instant NOW = Instant.parse("2026-03-18T10:15:00Z");

    private static final LocalDate THIS_MONDAY = LocalDate.parse("2026-03-16");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String TEAM = "T0DRUMBEAT";

    private static Database database;
    private static Jdbi jdbi;
    private static Summary loaded;

    @BeforeAll
    static void loadThePortfolio() {
        database = TestDatabase.fresh();
        jdbi = database.jdbi();
        loaded = new DemoPortfolio(CLOCK).load(jdbi);
    }

    @AfterAll
    static void closeTheDatabase() {
        database.close();
    }

    @Test
    void the_demo_team_is_the_slack_stand_ins_team_and_is_called_northwind_bank() {
        assertThat(DemoPortfolio.TEAM_ID).isEqualTo(TEAM).isEqualTo(SlackStandIn.TEAM_ID);
        assertThat(string("select name from workspaces where team_id = 'T0DRUMBEAT'"))
                .isEqualTo("Northwind Bank");
    }

    @Test
    void a_fresh_workspace_is_not_loaded_until_the_portfolio_is() {
        try (Database fresh = TestDatabase.fresh()) {
            DemoPortfolio portfolio = new DemoPortfolio(CLOCK);
            assertThat(portfolio.isLoaded(fresh.jdbi())).isFalse();
            portfolio.load(fresh.jdbi());
            assertThat(portfolio.isLoaded(fresh.jdbi())).isTrue();
        }
    }

    @Test
    void the_summary_counts_the_rows_that_were_stored() {
        assertThat(loaded)
                .isEqualTo(new Summary(
                        count("people"),
                        count("services"),
                        count("kpis"),
                        count("kpi_readings"),
                        count("checkins"),
                        count("initiatives")));
        assertThat(loaded.readings()).isEqualTo(loaded.kpis() * 12);
    }

    @Test
    void loading_twice_changes_nothing() {
        List<Integer> before = rowCounts();
        Summary again = new DemoPortfolio(CLOCK).load(jdbi);
        assertThat(again).isEqualTo(loaded);
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void two_loads_at_once_into_a_workspace_slack_already_created_store_the_portfolio_once() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Database fresh = TestDatabase.fresh()) {
            fresh.jdbi().useHandle(h -> h.execute("insert into workspaces (team_id) values ('T0DRUMBEAT')"));
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Summary>> loads = List.of(
                    threads.submit(() -> loadAfter(start, fresh.jdbi())),
                    threads.submit(() -> loadAfter(start, fresh.jdbi())));
            start.countDown();
            assertThat(loads.get(0).get()).isEqualTo(loads.get(1).get()).isEqualTo(loaded);
            String name = fresh.jdbi()
                    .withHandle(h -> h.createQuery("select name from workspaces")
                            .mapTo(String.class)
                            .one());
            assertThat(name).isEqualTo("Northwind Bank");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void the_same_clock_gives_the_same_portfolio_in_any_database() {
        String fingerprint = """
                select md5(string_agg(concat_ws('|', s.key, s.owner_id, s.unit_cost, c.period_start, c.status,
                                                c.hurdle, c.submitted_at), ',' order by s.key, c.period_start))
                       || md5((select string_agg(concat_ws('|', k.key, r.period_start, r.value), ','
                                                 order by ks.key, k.key, r.period_start)
                                 from kpi_readings r join kpis k on k.id = r.kpi_id join services ks on ks.id = k.service_id))
                  from services s left join checkins c on c.service_id = s.id""";
        try (Database other = TestDatabase.fresh()) {
            new DemoPortfolio(CLOCK).load(other.jdbi());
            String otherFingerprint = other.jdbi()
                    .withHandle(
                            h -> h.createQuery(fingerprint).mapTo(String.class).one());
            assertThat(string(fingerprint)).isEqualTo(otherFingerprint);
        }
    }

    @Test
    void there_are_at_least_forty_services_in_all_three_tiers() {
        assertThat(count("services")).isGreaterThanOrEqualTo(40);
        assertThat(strings("select distinct tier from services"))
                .containsExactlyInAnyOrder("strategic", "core", "secondary");
        assertThat(integer("select min(n) from (select count(*) as n from services group by tier) t"))
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void the_regulated_services_are_protected() {
        assertThat(strings("select key from services where is_protected"))
                .contains("core-banking-ledger", "aml-screening", "regulatory-reporting")
                .doesNotContain("legacy-hardware-maintenance", "print-services");
    }

    @Test
    void people_are_the_ones_listed_for_the_sandbox_page_in_two_leadership_and_one_or_two_admin_roles() {
        List<DemoPerson> people = new DemoPortfolio(CLOCK).people();
        assertThat(strings("select user_id || ' ' || role || ' ' || tz from people order by user_id"))
                .containsExactlyElementsOf(people.stream()
                        .map(p -> p.userId() + " " + p.role() + " " + p.tz())
                        .sorted()
                        .toList());
        assertThat(people).allSatisfy(person -> assertThat(person.userId()).matches("U0[A-Z0-9]+"));
        assertThat(people)
                .filteredOn(person -> person.role().equals("leadership"))
                .hasSize(2);
        assertThat(people).filteredOn(person -> person.role().equals("admin")).hasSizeBetween(1, 2);
    }

    @Test
    void service_owners_live_in_at_least_four_time_zones() {
        assertThat(strings("select distinct p.tz from services s join people p on p.user_id = s.owner_id"))
                .hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(tz -> assertThat(ZoneId.of(tz)).isNotNull());
    }

    @Test
    void at_least_three_services_have_no_owner_and_one_more_belongs_to_someone_who_left() {
        assertThat(integer("select count(*) from services where owner_id is null"))
                .isGreaterThanOrEqualTo(3);
        assertThat(strings("""
                select s.key from services s join people p on p.team_id = s.team_id and p.user_id = s.owner_id
                 where p.deactivated""")).hasSize(1);
        assertThat(new DemoPortfolio(CLOCK).deactivatedUserIds())
                .containsExactlyElementsOf(strings("select user_id from people where deactivated"));
    }

    @Test
    void about_half_the_services_have_a_deputy_and_some_a_team_channel() {
        int services = count("services");
        assertThat(integer("select count(*) from services where deputy_id is not null"))
                .isBetween(services * 2 / 5, services * 3 / 5);
        assertThat(strings("select team_channel from services where team_channel is not null"))
                .hasSizeGreaterThan(10)
                .allSatisfy(channel -> assertThat(channel).matches("C0[A-Z0-9]+"));
    }

    @Test
    void every_monthly_cost_is_between_five_thousand_and_nine_hundred_thousand_dollars() {
        assertThat(decimal("select min(unit_cost * monthly_demand) from services"))
                .isGreaterThanOrEqualTo(new BigDecimal("5000"));
        assertThat(decimal("select max(unit_cost * monthly_demand) from services"))
                .isLessThanOrEqualTo(new BigDecimal("900000"));
    }

    @Test
    void three_or_four_services_cost_more_than_they_are_worth() {
        assertThat(strings("select key from services where monthly_value < unit_cost * monthly_demand"))
                .hasSizeBetween(3, 4)
                .contains("legacy-hardware-maintenance", "print-services", "test-environments");
    }

    @Test
    void legacy_hardware_maintenance_is_a_secondary_service() {
        assertThat(string("select tier from services where key = 'legacy-hardware-maintenance'"))
                .isEqualTo("secondary");
    }

    @Test
    void at_least_twenty_five_services_have_one_to_three_kpis_with_a_target_and_direction() {
        List<Integer> kpisPerService =
                jdbi.withHandle(h -> h.createQuery("select count(*) from kpis group by service_id")
                        .mapTo(Integer.class)
                        .list());
        assertThat(kpisPerService)
                .hasSizeGreaterThanOrEqualTo(25)
                .allSatisfy(n -> assertThat(n).isBetween(1, 3));
        assertThat(strings("select distinct direction from kpis")).containsExactlyInAnyOrder("up", "down");
    }

    @Test
    void every_kpi_has_one_demo_reading_for_each_of_the_twelve_weeks_before_the_clock() {
        String twelveMondays = IntStream.rangeClosed(1, 12)
                .mapToObj(week -> THIS_MONDAY.minusWeeks(13 - week).toString())
                .collect(Collectors.joining(","));
        assertThat(twelveMondays).startsWith("2025-12-22,").endsWith(",2026-03-09");
        assertThat(strings("""
                select coalesce(string_agg(r.period_start::text, ',' order by r.period_start)
                                filter (where r.source = 'demo'), '')
                  from kpis k left join kpi_readings r on r.kpi_id = k.id group by k.id""")).hasSize(count("kpis")).containsOnly(twelveMondays);
    }

    @Test
    void some_kpis_miss_their_target_last_week_but_most_meet_it() {
        String lastWeek = """
                select count(*) filter (where (k.direction = 'up' and r.value < k.target)
                                           or (k.direction = 'down' and r.value > k.target)) as missed,
                       count(*) as all_kpis
                  from kpis k join kpi_readings r on r.kpi_id = k.id and r.period_start = date '2026-03-09'""";
        List<Integer> missedOfAll = jdbi.withHandle(h -> h.createQuery(lastWeek)
                .map((rs, ctx) -> List.of(rs.getInt("missed"), rs.getInt("all_kpis")))
                .one());
        assertThat(missedOfAll.get(0)).isGreaterThanOrEqualTo(3).isLessThan(missedOfAll.get(1) / 2);
    }

    @Test
    void at_least_two_services_have_not_checked_in_for_three_weeks_while_most_checked_in_last_week() {
        String silentSince = """
                select count(*) from services s where not exists
                  (select 1 from checkins c where c.service_id = s.id and c.period_start >= date '%s')""";
        assertThat(integer(silentSince.formatted(THIS_MONDAY.minusWeeks(3)))).isGreaterThanOrEqualTo(2);
        assertThat(integer(silentSince.formatted(THIS_MONDAY.minusWeeks(1)))).isLessThan(count("services") / 4);
        assertThat(integer("select count(*) from services s where not exists "
                        + "(select 1 from checkins c where c.service_id = s.id)"))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void check_ins_are_submitted_on_a_monday_or_tuesday_morning_in_the_submitters_time_zone() {
        List<OffsetDateTime> localTimes = jdbi.withHandle(h -> h.createQuery("""
                        select c.submitted_at, p.tz from checkins c
                          join people p on p.team_id = c.team_id and p.user_id = c.submitted_by""")
                .map((rs, ctx) -> rs.getObject("submitted_at", OffsetDateTime.class)
                        .atZoneSameInstant(ZoneId.of(rs.getString("tz")))
                        .toOffsetDateTime())
                .list());
        assertThat(localTimes).hasSize(count("checkins")).allSatisfy(local -> {
            assertThat(local.getDayOfWeek()).isIn(DayOfWeek.MONDAY, DayOfWeek.TUESDAY);
            assertThat(local.toLocalTime()).isBetween(LocalTime.of(9, 0), LocalTime.NOON);
            assertThat(local.toInstant()).isBefore(NOW);
        });
        assertThat(strings("select distinct p.tz from checkins c join people p on p.user_id = c.submitted_by"))
                .hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void most_check_ins_are_green_and_amber_or_red_ones_name_their_hurdle() {
        assertThat(integer("select count(*) from checkins where status = 'green'"))
                .isGreaterThan(count("checkins") * 3 / 4);
        assertThat(integer("select count(*) from checkins where status = 'red'"))
                .isGreaterThanOrEqualTo(2);
        assertThat(strings("select hurdle from checkins where status <> 'green'"))
                .isNotEmpty()
                .allSatisfy(hurdle -> assertThat(hurdle).isNotBlank())
                .contains("Waiting on vendor patch for CVE-2026-1234", "Two engineers seconded to the cloud migration");
        assertThat(strings("select distinct hurdle from checkins where status = 'green'"))
                .containsExactly("");
    }

    @Test
    void the_cloud_migration_links_the_data_centre_services_and_is_due_in_about_five_months() {
        assertThat(strings("""
                select s.key from initiatives i join initiative_services l on l.initiative_id = i.id
                  join services s on s.id = l.service_id where i.key = 'cloud-migration'"""))
                .contains(
                        "data-centre-hosting",
                        "cloud-landing-zone",
                        "backup-recovery",
                        "legacy-hardware-maintenance",
                        "mainframe-batch");
        assertThat(string("select name from initiatives where key = 'cloud-migration'"))
                .containsIgnoringCase("cloud");
        assertThat(string("select status from initiatives where key = 'cloud-migration'"))
                .isEqualTo("active");
        assertThat(decimal("select budget from initiatives where key = 'cloud-migration'"))
                .isBetween(new BigDecimal("2000000"), new BigDecimal("3000000"));
        assertThat(decimal("select monthly_slip_cost from initiatives where key = 'cloud-migration'"))
                .isPositive();
        LocalDate due =
                jdbi.withHandle(h -> h.createQuery("select due_date from initiatives where key = 'cloud-migration'")
                        .mapTo(LocalDate.class)
                        .one());
        assertThat(due).isBetween(LocalDate.parse("2026-07-18"), LocalDate.parse("2026-09-18"));
    }

    @Test
    void four_objectives_are_set_for_this_quarter_and_two_were_for_the_last_one_left_open_or_closed() {
        assertThat(strings("select quarter || ' ' || status from objectives order by id"))
                .containsExactly(
                        "2026-Q1 open",
                        "2026-Q1 open",
                        "2026-Q1 open",
                        "2026-Q1 open",
                        "2025-Q4 open",
                        "2025-Q4 closed");
        assertThat(integer("select count(*) from key_results where kind = 'measured' and kpi_id is null"))
                .isZero();
        assertThat(strings("select title from key_results where kind = 'milestone' and not done"))
                .hasSize(1);
    }

    @Test
    void loads_on_time_has_stood_still_below_target_for_the_last_five_weeks() {
        List<BigDecimal> lastSix =
                jdbi.withHandle(h -> h.createQuery("""
                        select r.value from kpi_readings r join kpis k on k.id = r.kpi_id
                          join services s on s.id = k.service_id
                         where s.key = 'data-warehouse' and k.key = 'loads-on-time'
                         order by r.period_start desc limit 6""").mapTo(BigDecimal.class).list());
        assertThat(lastSix)
                .allSatisfy(value -> assertThat(value).isBetween(new BigDecimal("96.97"), new BigDecimal("97.03")));
    }

    @Test
    void there_are_three_more_initiatives_each_with_linked_services() {
        assertThat(count("initiatives")).isBetween(3, 5);
        assertThat(integer("""
                select count(*) from initiatives i
                 where not exists (select 1 from initiative_services l where l.initiative_id = i.id)""")).isZero();
        assertThat(strings("select distinct status from initiatives")).hasSizeGreaterThanOrEqualTo(2);
    }

    private static List<Integer> rowCounts() {
        return List.of(
                count("workspaces"),
                count("people"),
                count("services"),
                count("kpis"),
                count("kpi_readings"),
                count("checkins"),
                count("initiatives"),
                count("initiative_services"));
    }

    private static int count(String table) {
        return integer("select count(*) from " + table);
    }

    private static int integer(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private static BigDecimal decimal(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(BigDecimal.class).one());
    }

    private static String string(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }

    private static List<String> strings(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    private static Summary loadAfter(CountDownLatch start, Jdbi into) throws InterruptedException {
        start.await();
        return new DemoPortfolio(CLOCK).load(into);
    }
}
