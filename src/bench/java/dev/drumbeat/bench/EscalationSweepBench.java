package dev.drumbeat.bench;

import dev.drumbeat.core.Periods;
import dev.drumbeat.db.Database;
import dev.drumbeat.escalation.EscalationService;
import dev.drumbeat.escalation.EscalationServiceRules;
import dev.drumbeat.escalation.rules.EscalationFactsDao;
import dev.drumbeat.escalation.rules.EscalationRules;
import dev.drumbeat.escalation.rules.Finding;
import dev.drumbeat.escalation.rules.InitiativeFacts;
import dev.drumbeat.escalation.rules.ServiceFacts;
import dev.drumbeat.escalation.settings.Thresholds;
import dev.drumbeat.escalation.settings.ThresholdsDao;
import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.support.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * One escalation sweep over a large catalog: read every workspace's thresholds, the facts of every service and
 * initiative (one set-based query each), and run the rules. The generator below fills a fresh embedded database with
 * 10,000 services in 10 workspaces, 52 weeks of check-ins and two KPIs a service with 52 weeks of readings, written week
 * by week as production would. Reports p50/p99/max over the measured sweeps, SQL versus rules, and three baselines
 * measured in the same run on the same data. Then the real {@link EscalationService#sweep()}, built as {@code Drumbeat.start}
 * builds it (an {@link Outbox} and a leadership channel; no sender, so queued messages stay queued): the first sweep, which
 * opens every escalation and queues every message, once; then steady sweeps with nothing changed. Run:
 * {@code mvn -B -Pbench test-compile exec:java -Dbench.main=dev.drumbeat.bench.EscalationSweepBench}
 * ({@code -Dexec.args="services weeks sweeps"} changes the size, defaults 10000 52 20; a fourth argument {@code --explain}
 * prints the service facts query's plan). Not a test: it takes about a minute.
 */
public final class EscalationSweepBench {
    static final int TEAMS = 10;
    static final int WARMUP = 5;
    static final Periods PERIODS = new Periods(DayOfWeek.MONDAY, 9);
    /** The latest generated period is Monday 23 Nov 2026; the sweep runs on the Wednesday at noon UTC. */
    static final LocalDate LAST_PERIOD = LocalDate.of(2026, 11, 23);

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final long TARGET_MS = 1000;
    /** The window-function baseline takes over a second a run; fewer runs keep the benchmark short. */
    static final int WINDOW_RUNS = 5;

    static final String BASELINE_COUNT = """
            select (select count(*) from services) + (select count(*) from checkins) + (select count(*) from kpi_readings)""";

    /**
     * The service facts query with the streak walks cut to their first step: each latest check-in and reading only. A
     * frozen copy: it does not follow changes to {@code EscalationFactsDao/serviceFacts.sql}.
     */
    static final String BASELINE_LATEST = """
            with zone_period (tz, period_start) as (
                select z.tz, cast(z.period_start as date)
                  from unnest(cast(:zones as text[]), cast(:periods as text[])) as z (tz, period_start)
            ),
            latest_checkin as (
                select s.id as service_id, c.period_start, c.status
                  from services s
                 cross join lateral (select c.period_start, c.status from checkins c where c.service_id = s.id
                                      order by c.period_start desc limit 1) c
                 where s.active
            ),
            latest_reading as (
                select k.service_id,
                       case when k.direction = 'up' then k.latest_value < k.target else k.latest_value > k.target end as off
                  from kpis k
                  join services s on s.id = k.service_id and s.active
                 where k.latest_period is not null
            )
            select s.id, s.team_id, s.key, s.name, s.owner_id, (o.user_id is not null and not o.deactivated) as owner_active,
                   coalesce(o.tz, 'UTC') as owner_tz, d.user_id as deputy_id, s.team_channel, o.away_until,
                   ad.user_id as away_deputy_id, lc.period_start as last_checkin_period,
                   exists (select 1 from checkin_excusals e
                            where e.service_id = s.id and e.period_start = coalesce(zp.period_start, cast(:utc as date))) as excused,
                   lc.status = 'red' as red, lr.off_kpis,
                   (select max(e.period_start) from checkin_excusals e where e.service_id = s.id) as last_excused_period,
                   s.created_at
              from services s
              left join people o on o.team_id = s.team_id and o.user_id = s.owner_id
              left join people d on d.team_id = s.team_id and d.user_id = s.deputy_id and not d.deactivated
              left join people ad on ad.team_id = s.team_id and ad.user_id = o.away_deputy_id and not ad.deactivated
              left join zone_period zp on zp.tz = o.tz
              left join latest_checkin lc on lc.service_id = s.id
              left join (select service_id, count(*) filter (where off) as off_kpis from latest_reading group by service_id) lr
                     on lr.service_id = s.id
             where s.active
             order by s.team_id, s.id""";

    /** The same facts by gaps-and-islands window functions over every check-in and reading: a frozen copy as first written. */
    static final String BASELINE_WINDOWS = """
            with zone_period (tz, period_start) as (
                select z.tz, cast(z.period_start as date)
                  from unnest(cast(:zones as text[]), cast(:periods as text[])) as z (tz, period_start)
            ),
            checkin_runs as (
                select service_id, period_start,
                       first_value(period_start) over newest_first as last_period,
                       row_number() over newest_first as n,
                       count(*) filter (where status <> 'red') over newest_first as not_red_so_far
                  from checkins
                window newest_first as (partition by service_id order by period_start desc rows unbounded preceding)
            ),
            checkin_facts as (
                select service_id, max(last_period) as last_period,
                       count(*) filter (where not_red_so_far = 0 and period_start = last_period - 7 * cast(n - 1 as integer)) as red_streak
                  from checkin_runs
                 group by service_id
            ),
            readings as (
                select distinct on (r.kpi_id, r.period_start) r.kpi_id, r.period_start,
                       case when k.direction = 'up' then r.value >= k.target else r.value <= k.target end as on_target
                  from kpi_readings r
                  join kpis k on k.id = r.kpi_id
                 order by r.kpi_id, r.period_start desc, r.recorded_at desc, r.id desc
            ),
            reading_runs as (
                select kpi_id, period_start,
                       first_value(period_start) over newest_first as last_period,
                       row_number() over newest_first as n,
                       count(*) filter (where on_target) over newest_first as on_so_far
                  from readings
                window newest_first as (partition by kpi_id order by period_start desc rows unbounded preceding)
            ),
            kpi_runs as (
                select kpi_id,
                       count(*) filter (where on_so_far = 0 and period_start = last_period - 7 * cast(n - 1 as integer)) as off_run
                  from reading_runs
                 group by kpi_id
            ),
            worst_kpi as (
                select distinct on (k.service_id) k.service_id, k.name, kr.off_run
                  from kpi_runs kr
                  join kpis k on k.id = kr.kpi_id
                 where kr.off_run > 0
                 order by k.service_id, kr.off_run desc, k.key
            )
            select s.id, s.team_id, s.key, s.name, s.owner_id,
                   (o.user_id is not null and not o.deactivated) as owner_active,
                   coalesce(o.tz, 'UTC') as owner_tz,
                   d.user_id as deputy_id,
                   s.team_channel,
                   o.away_until,
                   ad.user_id as away_deputy_id,
                   cf.last_period as last_checkin_period,
                   exists (select 1 from checkin_excusals e
                            where e.service_id = s.id and e.period_start = coalesce(zp.period_start, cast(:utc as date))) as excused_this_period,
                   coalesce(cf.red_streak, 0) as red_streak,
                   coalesce(wk.off_run, 0) as kpi_off_streak,
                   wk.name as worst_kpi,
                   (select max(e.period_start) from checkin_excusals e where e.service_id = s.id) as last_excused_period,
                   s.created_at
              from services s
              left join people o on o.team_id = s.team_id and o.user_id = s.owner_id
              left join people d on d.team_id = s.team_id and d.user_id = s.deputy_id and not d.deactivated
              left join people ad on ad.team_id = s.team_id and ad.user_id = o.away_deputy_id and not ad.deactivated
              left join zone_period zp on zp.tz = o.tz
              left join checkin_facts cf on cf.service_id = s.id
              left join worst_kpi wk on wk.service_id = s.id
             where s.active
             order by s.team_id, s.id""";

    private EscalationSweepBench() {}

    /** One sweep's times in milliseconds, and what it found. */
    record Sweep(
            double thresholdsMs,
            double servicesMs,
            double initiativesMs,
            double rulesMs,
            int services,
            int initiatives,
            List<Finding> findings) {
        double sqlMs() {
            return thresholdsMs + servicesMs + initiativesMs;
        }

        double totalMs() {
            return sqlMs() + rulesMs;
        }
    }

    public static void main(String[] args) {
        int services = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int weeks = args.length > 1 ? Integer.parseInt(args[1]) : 52;
        int sweeps = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        System.out.println("Date: " + Instant.now() + "\nMachine: " + Machine.describe());
        try (Database database = TestDatabase.fresh()) {
            Jdbi jdbi = database.jdbi();
            double generated = millis(() -> {
                generate(jdbi, services, weeks);
                return null;
            });
            System.out.printf("Generated in %.1f s (then vacuum analyze)%n%nRows:%n", generated / 1000);
            rowCounts(jdbi).forEach((table, rows) -> System.out.printf("  %-20s %,10d%n", table, rows));
            System.out.println("Load average before the sweeps: " + loadAverage());
            for (int i = 0; i < WARMUP; i++) {
                sweep(jdbi);
            }
            Sweep[] measured = new Sweep[sweeps];
            for (int i = 0; i < sweeps; i++) {
                measured[i] = sweep(jdbi);
            }
            report(jdbi, measured);
            RealSweeps.run(jdbi);
            System.out.println("Load average after: " + loadAverage()
                    + " (1, 5 and 15 minutes; other sessions share the machine)");
            if (Arrays.asList(args).contains("--explain")) {
                explain(jdbi);
            }
        }
    }

    /** One sweep as the escalation job runs it: thresholds, the two fact queries, then the pure rules. */
    static Sweep sweep(Jdbi jdbi) {
        return jdbi.withHandle(h -> {
            EscalationFactsDao facts = h.attach(EscalationFactsDao.class);
            long started = System.nanoTime();
            Map<String, Thresholds> thresholds = h.attach(ThresholdsDao.class).thresholdsByTeam();
            long t1 = System.nanoTime();
            List<ServiceFacts> services = facts.serviceFacts(NOW, PERIODS);
            long t2 = System.nanoTime();
            List<InitiativeFacts> initiatives = facts.initiativeFacts(NOW, PERIODS);
            long t3 = System.nanoTime();
            List<Finding> findings = EscalationRules.evaluate(
                    services, initiatives, team -> thresholds.getOrDefault(team, Thresholds.defaults()), PERIODS, NOW);
            long t4 = System.nanoTime();
            return new Sweep(
                    ms(t1 - started),
                    ms(t2 - t1),
                    ms(t3 - t2),
                    ms(t4 - t3),
                    services.size(),
                    initiatives.size(),
                    findings);
        });
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void report(Jdbi jdbi, Sweep[] sweeps) {
        Sweep last = sweeps[sweeps.length - 1];
        Map<String, Long> byReason = last.findings().stream()
                .collect(Collectors.groupingBy(f -> f.reason().code(), TreeMap::new, Collectors.counting()));
        System.out.printf(
                "%nOne sweep reads %,d services and %,d initiatives and finds %,d findings: %s%n",
                last.services(), last.initiatives(), last.findings().size(), byReason);
        double[] total = sorted(sweeps, Sweep::totalMs);
        System.out.printf(
                "%n%d sweeps after %d warm-up; baselines %d runs after %d warm-up, on the same database"
                        + " (nearest rank: with 20 runs p99 is the slowest):%n%n",
                sweeps.length, WARMUP, sweeps.length, WARMUP);
        System.out.println("| what | p50 ms | p99 ms | max ms |");
        System.out.println("|---|---:|---:|---:|");
        row("**sweep** (SQL + rules)", total);
        row("SQL, all three reads (JDBC and mapping included)", sorted(sweeps, Sweep::sqlMs));
        row("- thresholds of every workspace", sorted(sweeps, Sweep::thresholdsMs));
        row("- service facts", sorted(sweeps, Sweep::servicesMs));
        row("- initiative facts", sorted(sweeps, Sweep::initiativesMs));
        row("rules: EscalationRules.evaluate", sorted(sweeps, Sweep::rulesMs));
        row("baseline: count(*) of services, checkins, kpi_readings", measure(jdbi, sweeps.length, BASELINE_COUNT));
        row(
                "baseline: service facts without the streak walks (latest rows only)",
                measure(jdbi, sweeps.length, BASELINE_LATEST));
        row(
                "baseline: service facts by window functions over all history",
                measure(jdbi, WINDOW_RUNS, BASELINE_WINDOWS));
        double p99 = percentile(total, 99);
        System.out.printf(
                "%nTarget sweep <= %d ms: %s (p50 %.0f ms, p99 %.0f ms)%n",
                TARGET_MS, p99 <= TARGET_MS ? "met" : "MISSED", percentile(total, 50), p99);
    }

    private static double[] sorted(Sweep[] sweeps, ToDoubleFunction<Sweep> time) {
        return Arrays.stream(sweeps).mapToDouble(time).sorted().toArray();
    }

    private static void row(String what, double[] sortedMs) {
        System.out.printf(
                "| %s | %.0f | %.0f | %.0f |%n",
                what, percentile(sortedMs, 50), percentile(sortedMs, 99), sortedMs[sortedMs.length - 1]);
    }

    static double percentile(double[] sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** Runs a baseline query (bound like the facts query) after a warm-up, and returns its sorted times. */
    private static double[] measure(Jdbi jdbi, int times, String sql) {
        EscalationFactsDao.CurrentPeriods current = EscalationFactsDao.CurrentPeriods.at(NOW, PERIODS);
        Supplier<Integer> run = () -> jdbi.withHandle(h -> h.createQuery(sql)
                .bindMethods(current)
                .configure(SqlStatements.class, c -> c.setUnusedBindingAllowed(true))
                .mapToMap()
                .list()
                .size());
        for (int i = 0; i < WARMUP; i++) {
            run.get();
        }
        double[] ms = new double[times];
        for (int i = 0; i < times; i++) {
            ms[i] = millis(run);
        }
        Arrays.sort(ms);
        return ms;
    }

    private static double millis(Supplier<?> work) {
        long started = System.nanoTime();
        work.get();
        return (System.nanoTime() - started) / 1e6;
    }

    private static String loadAverage() {
        try {
            return String.join(
                    " ",
                    Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" "))
                            .subList(0, 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static Map<String, Long> rowCounts(Jdbi jdbi) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of(
                "workspaces",
                "people",
                "services",
                "kpis",
                "kpi_readings",
                "checkins",
                "checkin_excusals",
                "initiatives",
                "initiative_services",
                "escalation_settings")) {
            counts.put(
                    table,
                    jdbi.withHandle(h -> h.createQuery("select count(*) from " + table)
                            .mapTo(Long.class)
                            .one()));
        }
        return counts;
    }

    /** EXPLAIN ANALYZE of the service facts query, to see where its time goes. */
    private static void explain(Jdbi jdbi) {
        String sql = ClasspathSqlLocator.removingComments().locate(EscalationFactsDao.class, "serviceFacts");
        jdbi.useHandle(h -> h.createQuery("explain (analyze, buffers) " + sql)
                .bindMethods(EscalationFactsDao.CurrentPeriods.at(NOW, PERIODS))
                .mapTo(String.class)
                .forEach(System.out::println));
    }

    /**
     * Fills an empty database, set-based. Owners are spread over six time zones, one in 97 deactivated and one in 31 away
     * (some without cover); one service in 101 has no owner. Statuses are mostly green, with some services red for the
     * last weeks; KPIs are mostly on target, with a twentieth of services off for the last ten weeks; a tenth of readings
     * also came from a second source. Weeks are written oldest first, every service each week, as production would.
     */
    static void generate(Jdbi jdbi, int services, int weeks) {
        int people = Math.max(TEAMS, services / 5 / TEAMS * TEAMS);
        LocalDate first = LAST_PERIOD.minusWeeks(weeks - 1);
        jdbi.useHandle(h -> {
            h.execute(
                    "insert into workspaces (team_id, name) select 'TB' || t, 'Bench ' || t from generate_series(1, ?) t",
                    TEAMS);
            h.execute("""
                    insert into people (team_id, user_id, name, tz, deactivated, away_until)
                    select 'TB' || (1 + (g - 1) % ?), 'U' || lpad(g::text, 8, '0'), 'owner' || g,
                           (array['America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Sydney', 'America/Los_Angeles',
                                  'UTC'])[1 + g % 6],
                           g % 97 = 0, case when g % 31 = 0 then date '2026-11-30' end
                      from generate_series(1, ?) g""", TEAMS, people);
            h.execute(
                    "update people set away_deputy_id = 'U' || lpad((substr(user_id, 2)::int + ?)::text, 8, '0')"
                            + " where away_until is not null and substr(user_id, 2)::int % 2 = 0 and substr(user_id, 2)::int + ? <= ?",
                    TEAMS, TEAMS, people);
            h.execute("""
                    insert into services (team_id, key, name, tier, owner_id, deputy_id, unit_cost, monthly_demand, monthly_value,
                                          created_at, owner_since)
                    select 'TB' || (1 + (g - 1) % ?), 'svc-' || g, 'Service ' || g, 'core',
                           case when g % 101 <> 0 then 'U' || lpad((1 + (g - 1) % ?)::text, 8, '0') end,
                           case when g % 3 = 0 then 'U' || lpad((1 + (g - 1 + ?) % ?)::text, 8, '0') end,
                           1, 1, 1, timestamptz '2024-01-01 00:00:00+00', timestamptz '2024-01-01 00:00:00+00'
                      from generate_series(1, ?) g""", TEAMS, people, TEAMS, people, services);
            h.execute("""
                    insert into kpis (team_id, service_id, key, name, unit, target, direction)
                    select s.team_id, s.id, k.key, k.name, k.unit, k.target, k.direction
                      from services s
                     cross join (values ('availability', 'Availability', '%', 99.5, 'up'),
                                        ('latency', 'Latency p95', 'ms', 300, 'down')) k (key, name, unit, target, direction)""");
            generateHistory(h, first, weeks);
            h.execute("""
                    insert into initiatives (team_id, key, name, owner_id, due_date, status)
                    select s.team_id, 'init-' || s.id, 'Initiative ' || s.id, s.owner_id, date '2026-11-25' + (s.id % 120 - 30)::int,
                           (array['planned', 'active', 'active', 'active', 'done', 'cancelled'])[1 + s.id % 6]
                      from services s where s.id % 50 = 1""");
            h.execute("""
                    insert into initiative_services (initiative_id, service_id, team_id)
                    select i.id, s.id, s.team_id
                      from initiatives i join services s on s.team_id = i.team_id and s.id between substr(i.key, 6)::bigint
                                                                                        and substr(i.key, 6)::bigint + 10 * ?""", TEAMS - 1);
            h.execute("""
                    insert into escalation_settings (team_id, grace_hours, red_streak, kpi_off_periods)
                    select team_id, 24 + 12 * (substr(team_id, 3)::int % 3), 2 + substr(team_id, 3)::int % 2, 3
                      from workspaces where substr(team_id, 3)::int % 2 = 0""");
            h.execute("vacuum analyze");
        });
    }

    private static void generateHistory(Handle h, LocalDate first, int weeks) {
        h.execute("""
                insert into checkins (team_id, service_id, period_start, status, submitted_by, submitted_at)
                select s.team_id, s.id, cast(? as date) + 7 * w,
                       case when (s.id % 25 = 0 and w >= ? - 4) or hashint8(s.id * 64 + w) & 1023 < 80 then 'red'
                            when hashint8(s.id * 64 + w) & 1023 < 250 then 'amber' else 'green' end,
                       coalesce(s.owner_id, 'U00000001'), (cast(? as date) + 7 * w + time '10:00') at time zone 'UTC'
                  from generate_series(0, ? - 1) w
                 cross join services s
                 where case when w = ? - 1 then s.id % 7 <> 0 else hashint8(s.id * 64 + w + 7) & 1023 >= 40 end
                 order by w, s.id""", first, weeks, first, weeks, weeks);
        h.execute("""
                insert into kpi_readings (team_id, kpi_id, period_start, value, source, recorded_at)
                select k.team_id, k.id, cast(? as date) + 7 * w,
                       case when (k.service_id % 20 = 0 and w >= ? - 10) or hashint8(k.id * 64 + w) & 1023 < 150
                            then case when k.direction = 'up' then 99.1 else 420 end
                            else case when k.direction = 'up' then 99.9 else 180 end end,
                       'slack', (cast(? as date) + 7 * w + time '11:00') at time zone 'UTC'
                  from generate_series(0, ? - 1) w
                 cross join kpis k
                 order by w, k.id""", first, weeks, first, weeks);
        h.execute("""
                insert into kpi_readings (team_id, kpi_id, period_start, value, source, recorded_at)
                select team_id, kpi_id, period_start, value * 1.01, 'monitoring', recorded_at + interval '1 hour'
                  from kpi_readings where hashint8(id) & 1023 < 100 order by period_start, id""");
        h.execute("""
                insert into checkin_excusals (service_id, team_id, period_start, reason, created_at)
                select s.id, s.team_id, ?, 'away', now() from services s where s.id % 53 = 0""", LAST_PERIOD);
    }

    /**
     * The real sweep, end to end: one read of thresholds, facts and rules, then each workspace's ladder in its own
     * transaction, writing escalations and queuing their messages in the outbox. The clock stands still at {@link #NOW},
     * so after the first sweep nothing changes and every later sweep should queue nothing.
     */
    static final class RealSweeps {
        static final String LEADERSHIP = "C0LEADERS";
        static final int STEADY_WARMUP = 2;
        static final int STEADY_RUNS = 10;

        /** One call of {@code sweep()}: its wall time, the part spent in the rules' read, what it applied and queued. */
        record Run(double totalMs, double readMs, EscalationService.Applied applied, long queued) {
            double ladderMs() {
                return totalMs - readMs;
            }
        }

        private RealSweeps() {}

        static void run(Jdbi jdbi) {
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            TimedRules rules = new TimedRules(new EscalationServiceRules(PERIODS));
            EscalationService escalations =
                    new EscalationService(jdbi, new Outbox(clock), Optional.of(LEADERSHIP), rules, clock);
            reportFirst(jdbi, sweep(jdbi, escalations, rules));
            for (int i = 0; i < STEADY_WARMUP; i++) {
                sweep(jdbi, escalations, rules);
            }
            Run[] steady = new Run[STEADY_RUNS];
            for (int i = 0; i < STEADY_RUNS; i++) {
                steady[i] = sweep(jdbi, escalations, rules);
            }
            reportSteady(steady);
        }

        static Run sweep(Jdbi jdbi, EscalationService escalations, TimedRules rules) {
            long queuedBefore = count(jdbi, "select count(*) from slack_outbox");
            long started = System.nanoTime();
            EscalationService.Applied applied = escalations.sweep();
            double total = ms(System.nanoTime() - started);
            return new Run(
                    total, rules.lastMs(), applied, count(jdbi, "select count(*) from slack_outbox") - queuedBefore);
        }

        private static void reportFirst(Jdbi jdbi, Run first) {
            System.out.printf(
                    "%nThe real sweep, EscalationService.sweep() with an outbox and leadership channel %s, at %s:%n%n"
                            + "First sweep: %.0f ms (thresholds, facts and rules %.0f ms; the ladder of %d workspaces %.0f ms)%n",
                    LEADERSHIP,
                    NOW,
                    first.totalMs(),
                    first.readMs(),
                    count(jdbi, "select count(distinct team_id) from escalations"),
                    first.ladderMs());
            System.out.printf(
                    "  opened %,d escalations: %s; at level %s%n",
                    first.applied().opened(),
                    grouped(
                            jdbi,
                            "select reason, count(*) from escalations where closed_at is null group by 1 order by 1"),
                    grouped(
                            jdbi,
                            "select level::text, count(*) from escalations where closed_at is null group by 1 order by 1"));
            System.out.printf(
                    "  queued %,d outbox messages to %,d places: %s%n",
                    first.queued(),
                    count(jdbi, "select count(distinct channel) from slack_outbox"),
                    grouped(jdbi, """
                            select case when dedupe_key like 'esc-batch:%' then 'parent messages gathering several'
                                        when dedupe_key like 'esc:%' then 'escalation posts'
                                        else method || ' ' || split_part(dedupe_key, ':', 1) end, count(*)
                              from slack_outbox group by 1 order by 1"""));
            System.out.printf(
                    "  recorded %,d places posted to (escalation_messages)%n",
                    count(jdbi, "select count(*) from escalation_messages"));
        }

        private static void reportSteady(Run[] steady) {
            long changed = Arrays.stream(steady)
                    .filter(r -> !r.applied().isEmpty() || r.queued() > 0)
                    .count();
            System.out.printf(
                    "%nSteady sweeps, nothing changed: %d after %d warm-up; %s%n%n",
                    steady.length,
                    STEADY_WARMUP,
                    changed == 0 ? "none changed an escalation or queued a message" : changed + " CHANGED SOMETHING");
            System.out.println("| what | p50 ms | p99 ms | max ms |");
            System.out.println("|---|---:|---:|---:|");
            double[] total =
                    Arrays.stream(steady).mapToDouble(Run::totalMs).sorted().toArray();
            row("**steady sweep**: `EscalationService.sweep()`", total);
            row(
                    "- thresholds, facts and rules (one read transaction)",
                    Arrays.stream(steady).mapToDouble(Run::readMs).sorted().toArray());
            row(
                    "- the ladder, each workspace in its own transaction",
                    Arrays.stream(steady).mapToDouble(Run::ladderMs).sorted().toArray());
            double p99 = percentile(total, 99);
            System.out.printf(
                    "%nTarget steady sweep <= %d ms: %s (p50 %.0f ms, p99 %.0f ms)%n",
                    TARGET_MS, p99 <= TARGET_MS ? "met" : "MISSED", percentile(total, 50), p99);
        }

        private static long count(Jdbi jdbi, String sql) {
            return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
        }

        /** A two-column query (name, count) as "name count, name count". */
        private static String grouped(Jdbi jdbi, String sql) {
            return jdbi.withHandle(h -> h.createQuery(sql)
                            .map((rs, ctx) -> String.format("%s %,d", rs.getString(1), rs.getLong(2)))
                            .list())
                    .toString()
                    .replaceAll("^\\[|\\]$", "");
        }
    }

    /** The production rules with a stopwatch: how long the last sweep spent on thresholds, facts and rules. */
    static final class TimedRules implements EscalationService.Rules {
        private final EscalationService.Rules rules;
        private volatile long nanos;

        TimedRules(EscalationService.Rules rules) {
            this.rules = rules;
        }

        @Override
        public Function<String, Thresholds> thresholds(Handle handle) {
            long started = System.nanoTime();
            Function<String, Thresholds> thresholds = rules.thresholds(handle);
            nanos = System.nanoTime() - started;
            return thresholds;
        }

        @Override
        public List<Finding> findings(Handle handle, Function<String, Thresholds> thresholds, Instant now) {
            long started = System.nanoTime();
            List<Finding> findings = rules.findings(handle, thresholds, now);
            nanos += System.nanoTime() - started;
            return findings;
        }

        double lastMs() {
            return ms(nanos);
        }
    }
}
