package dev.drumbeat.bench;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * One large workspace for the ask benchmark, generated set-based in SQL: active services shaped like
 * {@link OptimiserBench}'s realistic portfolio (monthly cost log-normal around $20,000, value a log-normal multiple of
 * it, a tenth strategic, one in twenty protected), two or three KPIs each with 52 weekly readings, about a hundred
 * open initiatives relying on some of them, owners among a few hundred people. Random draws come from
 * {@code hashint8}, so the same size always gives the same rows.
 */
final class AskPortfolio {
    static final String TEAM = "T0ASKBENCH";
    static final int OWNERS = 300;
    static final int WEEKS = 52;
    static final int INITIATIVES = 120;
    /** The latest generated period: Monday 23 Nov 2026. */
    static final LocalDate LAST_PERIOD = LocalDate.of(2026, 11, 23);
    /** The people who ask: leadership, in turn. */
    static final List<String> ASKERS = List.of("U0LEAD0001", "U0LEAD0002", "U0LEAD0003", "U0LEAD0004", "U0LEAD0005");

    /** A uniform draw in (0, 1) from a seed expression, as SQL. */
    private static String uniform(String seed) {
        return "((hashint8(" + seed + ") & 2147483647) + 1)::float8 / 2147483649";
    }

    /** A standard normal draw (Box–Muller) from two seeds, as SQL. */
    private static String normal(String seedA, String seedB) {
        return "(sqrt(-2 * ln(" + uniform(seedA) + ")) * cos(2 * pi() * " + uniform(seedB) + "))";
    }

    private AskPortfolio() {}

    static void generate(Jdbi jdbi, int services) {
        jdbi.useHandle(h -> {
            h.execute("insert into workspaces (team_id, name) values (?, 'Ask bench')", TEAM);
            people(h);
            services(h, services);
            kpis(h);
            readings(h);
            initiatives(h, services);
            h.execute("vacuum analyze");
        });
    }

    private static void people(Handle h) {
        h.execute("""
                insert into people (team_id, user_id, name, tz)
                select ?, 'U' || lpad(g::text, 8, '0'), 'owner' || g,
                       (array['America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Sydney'])[1 + g % 4]
                  from generate_series(1, ?) g""", TEAM, OWNERS);
        for (String asker : ASKERS) {
            h.execute(
                    "insert into people (team_id, user_id, name, role) values (?, ?, ?, 'leadership')",
                    TEAM,
                    asker,
                    asker.toLowerCase());
        }
    }

    /**
     * Monthly cost is unit cost (to the cent, as the column keeps it) times demand: demand log-normal around 5,000
     * units, cost log-normal around $20,000 (most between $2,000 and $220,000). Names are unique: two words and a number.
     */
    private static void services(Handle h, int services) {
        h.execute(
                """
                with draw as (
                    select g, greatest(1, round(exp(ln(5000) + %s))) as demand, exp(ln(20000) + 1.2 * %s) as cost,
                           exp(ln(1.3) + 0.35 * %s) as multiple, %s as u_tier, %s as u_core, %s as u_protected,
                           %s as u_value, hashint8(g * 16 + 10) & 2147483647 as h_owner,
                           (array['Payments', 'Billing', 'Ledger', 'Identity', 'Search', 'Messaging', 'Reporting',
                                  'Analytics', 'Storage', 'Network', 'Catalog', 'Pricing', 'Claims', 'Loans', 'Cards',
                                  'Treasury', 'Trading', 'Onboarding', 'Fraud', 'Compliance', 'Payroll', 'Procurement',
                                  'Logistics', 'Inventory', 'Customer', 'Partner', 'Mobile', 'Web', 'Data', 'Email'])
                               [1 + (hashint8(g * 16 + 11) & 2147483647) %% 30] as area,
                           (array['API', 'Gateway', 'Platform', 'Engine', 'Portal', 'Hub', 'Store', 'Pipeline',
                                  'Warehouse', 'Console', 'Bridge', 'Router', 'Scheduler', 'Vault', 'Index', 'Cache',
                                  'Queue', 'Monitor', 'Archive', 'Ledger'])[1 + (hashint8(g * 16 + 12) & 2147483647) %% 20] as part
                      from generate_series(1, ?) g
                ),
                priced as (
                    select d.*, greatest(0.01, round(cast(cost / demand as numeric), 2)) as unit_cost from draw d
                )
                insert into services (team_id, key, name, tier, is_protected, owner_id, deputy_id, unit_cost, unit_name,
                                      monthly_demand, monthly_value, created_at)
                select ?, lower(area) || '-' || lower(part) || '-' || g, area || ' ' || part || ' ' || g,
                       case when u_tier < 0.1 then 'strategic' when u_core < 0.5 then 'core' else 'secondary' end,
                       u_protected < 0.05, 'U' || lpad((1 + h_owner %% ?)::text, 8, '0'),
                       case when h_owner %% 3 = 0 then 'U' || lpad((1 + (h_owner + 7) %% ?)::text, 8, '0') end,
                       unit_cost, 'request', demand,
                       case when u_value < 0.02 then 0 else round(cast(unit_cost * demand * multiple as numeric), 2) end,
                       timestamptz '2024-01-01 00:00:00+00'
                  from priced order by g""".formatted(
                                normal("g * 16 + 1", "g * 16 + 2"),
                                normal("g * 16 + 3", "g * 16 + 4"),
                                normal("g * 16 + 5", "g * 16 + 6"),
                                uniform("g * 16 + 7"),
                                uniform("g * 16 + 8"),
                                uniform("g * 16 + 9"),
                                uniform("g * 16 + 13")),
                services,
                TEAM,
                OWNERS,
                OWNERS);
    }

    /** Availability and latency for every service, an error rate for about half. */
    private static void kpis(Handle h) {
        h.execute("""
                insert into kpis (team_id, service_id, key, name, unit, target, direction)
                select s.team_id, s.id, k.key, k.name, k.unit, k.target, k.direction
                  from services s
                 cross join (values (1, 'availability', 'Availability', '%', 99.5, 'up'),
                                    (2, 'latency-p95', 'Latency p95', 'ms', 300, 'down'),
                                    (3, 'error-rate', 'Error rate', '%', 1.0, 'down')) k (n, key, name, unit, target, direction)
                 where k.n < 3 or hashint8(s.id * 8 + 3) & 1 = 0
                 order by s.id, k.n""");
    }

    /**
     * 52 weekly readings per KPI, written week by week as production would. A reading is off target one week in five,
     * and every KPI of one service in twenty has been off for its last ten weeks; a tenth of readings were also sent by
     * a second source an hour later (the latest recorded one counts).
     */
    private static void readings(Handle h) {
        LocalDate first = LAST_PERIOD.minusWeeks(WEEKS - 1);
        h.execute("""
                insert into kpi_readings (team_id, kpi_id, period_start, value, source, recorded_at)
                select k.team_id, k.id, cast(? as date) + 7 * w,
                       case when (k.service_id % 20 = 0 and w >= ? - 10) or hashint8(k.id * 64 + w) & 1023 < 205
                            then case when k.direction = 'up' then k.target - 0.4 else k.target * 1.4 end
                            else case when k.direction = 'up' then k.target + 0.4 else k.target * 0.6 end end,
                       'slack', (cast(? as date) + 7 * w + time '11:00') at time zone 'UTC'
                  from generate_series(0, ? - 1) w
                 cross join kpis k
                 order by w, k.id""", first, WEEKS, first, WEEKS);
        h.execute("""
                insert into kpi_readings (team_id, kpi_id, period_start, value, source, recorded_at)
                select team_id, kpi_id, period_start, value, 'monitoring', recorded_at + interval '1 hour'
                  from kpi_readings where hashint8(id) & 1023 < 102 order by period_start, id""");
    }

    /**
     * {@link #INITIATIVES} initiatives, five in six planned or under way (the rest done or cancelled), one in twenty
     * protected, each relying on 5 to 25 services.
     */
    private static void initiatives(Handle h, int services) {
        h.execute(
                """
                insert into initiatives (team_id, key, name, owner_id, budget, monthly_slip_cost, due_date, status, is_protected)
                select ?, 'init-' || g, 'Modernise programme ' || g, 'U' || lpad((1 + g * 7 %% ?)::text, 8, '0'),
                       round(cast(exp(ln(300000) + 0.8 * %s) as numeric), 2),
                       round(cast(exp(ln(20000) + 0.8 * %s) as numeric), 2),
                       date '2026-11-26' + cast((hashint8(g * 8 + 5) & 2147483647) %% 360 - 30 as integer),
                       (array['planned', 'active', 'active', 'active', 'planned', 'active', 'done', 'active', 'planned',
                              'active', 'active', 'cancelled'])[1 + g %% 12],
                       g %% 20 = 0
                  from generate_series(1, ?) g""".formatted(normal("g * 8 + 1", "g * 8 + 2"), normal("g * 8 + 3", "g * 8 + 4")),
                TEAM,
                OWNERS,
                INITIATIVES);
        h.execute("""
                insert into initiative_services (initiative_id, service_id, team_id)
                select distinct i.id, (select min(id) from services) + (hashint8(i.id * 64 + j) & 2147483647) % ?, i.team_id
                  from initiatives i
                 cross join lateral generate_series(1, 5 + (hashint8(i.id) & 2147483647) % 21) j""", services);
    }

    static Map<String, Long> rowCounts(Jdbi jdbi) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table :
                List.of("people", "services", "kpis", "kpi_readings", "initiatives", "initiative_services")) {
            counts.put(
                    table,
                    jdbi.withHandle(h -> h.createQuery("select count(*) from " + table)
                            .mapTo(Long.class)
                            .one()));
        }
        return counts;
    }
}
