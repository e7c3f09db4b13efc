package dev.drumbeat.bench;

import dev.drumbeat.support.PrometheusServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * What the measuring benchmark runs on: {@code kpis} gauges, one per KPI ({@code bench_kpi{kpi="k00042"}}), over the
 * week measured at a coarse step (promtool writes a two-hour block for every two hours that has a sample, and each
 * block costs it time), written as OpenMetrics and served by a real Prometheus; and a workspace whose services carry
 * five KPIs each, every KPI bound to {@code avg_over_time} of its own gauge over the week, evaluated through the week
 * before the one measured, so exactly one week is due, with twelve weeks of results and readings before it as a
 * deployment has (so the planner sees tables of their real shape). KPI {@code i}'s gauge is constant, so the number each binding
 * must store is known.
 */
final class MeasureBenchSetup {
    static final String TEAM = "TBENCH";
    /** The week the bindings were evaluated through before the run. */
    static final LocalDate FIRST_WEEK = LocalDate.of(2025, 1, 6);

    static final LocalDate MEASURED_WEEK = FIRST_WEEK.plusWeeks(1);
    static final Instant PERIOD_END =
            MEASURED_WEEK.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final int KPIS_PER_SERVICE = 5;
    /** Weeks of results and readings each KPI has before the one measured. */
    private static final int HISTORY_WEEKS = 12;

    private static final Pattern ACCEPTED =
            Pattern.compile("(?m)^net_conntrack_listener_conn_accepted_total\\{listener_name=\"http\"\\} (\\S+)");

    private MeasureBenchSetup() {}

    static String query(int kpi) {
        return "avg_over_time(bench_kpi{kpi=\"" + label(kpi) + "\"}[7d])";
    }

    /** The value KPI {@code kpi}'s gauge holds throughout, so the average its query gives. */
    static BigDecimal value(int kpi) {
        return BigDecimal.valueOf(9000 + kpi % 997, 2);
    }

    private static String label(int kpi) {
        return String.format("k%05d", kpi);
    }

    /** Two weeks of every gauge, a sample every {@code step}, as OpenMetrics text. */
    static String openMetrics(int kpis, Duration step) {
        Instant from = FIRST_WEEK.atStartOfDay(ZoneOffset.UTC).toInstant();
        StringBuilder om =
                new StringBuilder(kpis * 60 * (int) (Duration.ofDays(14).toSeconds() / step.toSeconds()));
        om.append("# TYPE bench_kpi gauge\n");
        for (int k = 1; k <= kpis; k++) {
            String series = "bench_kpi{kpi=\"" + label(k) + "\"} " + value(k).toPlainString() + " ";
            for (Instant t = from; !t.isAfter(PERIOD_END); t = t.plus(step)) {
                om.append(series).append(t.getEpochSecond()).append('\n');
            }
        }
        return om.append("# EOF\n").toString();
    }

    /** The workspace, its owner in UTC, a service per five KPIs, and every KPI bound and evaluated the week before. */
    static void seed(Jdbi jdbi, int kpis) {
        int services = (kpis + KPIS_PER_SERVICE - 1) / KPIS_PER_SERVICE;
        jdbi.useHandle(h -> {
            h.execute("insert into workspaces (team_id, name) values (?, 'Bench')", TEAM);
            h.execute("insert into people (team_id, user_id, name, tz) values (?, 'U0OWNER01', 'owner', 'UTC')", TEAM);
            h.execute("""
                    insert into services (team_id, key, name, tier, owner_id, unit_cost, monthly_demand, monthly_value)
                    select ?, 'svc-' || g, 'Service ' || g, 'core', 'U0OWNER01', 1, 1, 1
                      from generate_series(1, ?) g""", TEAM, services);
            h.execute("""
                    insert into kpis (team_id, service_id, key, name, unit, target, direction)
                    select s.team_id, s.id, 'kpi-' || k, 'KPI ' || k, '%', 99, 'up'
                      from generate_series(1, ?) k
                      join services s on s.team_id = ? and s.key = 'svc-' || ((k - 1) / ? + 1)""", kpis, TEAM, KPIS_PER_SERVICE);
            h.execute("""
                    insert into measure_bindings (team_id, service_id, kpi_id, query, bound_by, bound_at)
                    select k.team_id, k.service_id, k.id,
                           'avg_over_time(bench_kpi{kpi="k' || lpad(substr(k.key, 5), 5, '0') || '"}[7d])',
                           'U0OWNER01', now()
                      from kpis k where k.team_id = ?""", TEAM);
            // the history a deployment has: each KPI measured for the twelve weeks before, as its results and readings
            h.execute("""
                    insert into measure_results (binding_id, period_start, query, value, measured_at, recorded_at)
                    select b.id, cast(? as date) - 7 * w, b.query, 99, now(), now()
                      from measure_bindings b cross join generate_series(1, ?) w""", MEASURED_WEEK, HISTORY_WEEKS);
            h.execute("""
                    insert into kpi_readings (team_id, kpi_id, period_start, value, source, recorded_at)
                    select k.team_id, k.id, cast(? as date) - 7 * w, 99, 'prometheus', now()
                      from kpis k cross join generate_series(1, ?) w""", MEASURED_WEEK, HISTORY_WEEKS);
            h.execute("vacuum analyze");
        });
        reset(jdbi);
    }

    /**
     * Back to before the measured week was evaluated: nothing stored for it, each binding evaluated the week before; the
     * history stays.
     */
    static void reset(Jdbi jdbi) {
        jdbi.useHandle(h -> {
            h.execute("delete from measure_results where period_start = ?", MEASURED_WEEK);
            h.execute("delete from kpi_readings where period_start = ?", MEASURED_WEEK);
            h.execute("update measure_bindings set evaluated_through = ?, failing_periods = 0", FIRST_WEEK);
            h.execute("vacuum analyze measure_results, kpi_readings, measure_bindings, kpis");
        });
    }

    /** How many bound KPIs hold the number their gauge says for the measured week, in results and in readings. */
    static long storedRight(Jdbi jdbi) {
        return jdbi.withHandle(h ->
                h.createQuery("""
                        select count(*) from measure_results r
                          join measure_bindings b on b.id = r.binding_id
                          join kpis k on k.id = b.kpi_id
                          join kpi_readings kr on kr.kpi_id = k.id and kr.period_start = r.period_start
                                              and kr.source = 'prometheus' and kr.value = r.value
                         where r.period_start = :week
                           and r.value = (9000 + cast(substr(k.key, 5) as int) % 997) / 100.0""").bind("week", MEASURED_WEEK).mapTo(Long.class).one());
    }

    /**
     * Prometheus's own count of connections it accepted on its web port ({@code net_conntrack_listener_conn_accepted_total}),
     * read through a connection of its own, which the count includes.
     */
    static long acceptedConnections(URI prometheus) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String metrics = http.send(
                        HttpRequest.newBuilder(prometheus.resolve("metrics")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = ACCEPTED.matcher(metrics);
        if (!m.find()) {
            throw new IllegalStateException("Prometheus does not say how many connections it accepted");
        }
        return (long) Double.parseDouble(m.group(1));
    }

    /**
     * Waits until Prometheus has finished compacting the two-hour blocks promtool wrote (it starts a minute after
     * startup), so no compaction runs under the measurements: the blocks it has loaded stay the same for 90 s.
     */
    static int awaitCompacted(URI prometheus) throws IOException, InterruptedException {
        Pattern loaded = Pattern.compile("(?m)^prometheus_tsdb_blocks_loaded (\\S+)");
        HttpClient http = HttpClient.newHttpClient();
        int last = -1;
        Instant stableSince = Instant.now();
        while (true) {
            String metrics = http.send(
                            HttpRequest.newBuilder(prometheus.resolve("metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher m = loaded.matcher(metrics);
            int blocks = m.find() ? (int) Double.parseDouble(m.group(1)) : -1;
            if (blocks != last) {
                last = blocks;
                stableSince = Instant.now();
            } else if (Duration.between(stableSince, Instant.now()).toSeconds() >= 90) {
                return blocks;
            }
            Thread.sleep(2_000);
        }
    }

    static PrometheusServer startPrometheus(Path dir, int kpis, Duration step) {
        return PrometheusServer.start(dir, openMetrics(kpis, step));
    }
}
