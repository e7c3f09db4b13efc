package dev.drumbeat.checkin.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.config.Monitoring;
import dev.drumbeat.core.Periods;
import dev.drumbeat.measure.Measurer;
import dev.drumbeat.measure.Measures;
import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.MutableClock;
import dev.drumbeat.support.PrometheusServer;
import dev.drumbeat.support.Seed;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The weekly prompt of an owner whose KPIs are measured by a real Prometheus: a KPI whose latest week gave no number is
 * named under its service with the reason, escaped; one measured is not; and the DM redrawn after a check-in says so
 * still.
 */
class PromptUnmeasuredTest {
    static final Instant MONDAY_NINE = Instant.parse("2027-03-15T09:00:00Z");
    static final String TEAM = "T0GAPS";
    static final String ALICE = "U0ALICE01";

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withoutApp();

    @TempDir
    Path dir;

    MutableClock clock = new MutableClock(MONDAY_NINE);
    PrometheusServer prometheus;
    Measures measures;
    PromptService prompts;
    Seed seed;

    @BeforeEach
    void start() {
        StringBuilder om = new StringBuilder("# TYPE availability gauge\n");
        Instant from = Instant.parse("2027-03-01T00:00:00Z");
        for (Instant t = from; !t.isAfter(MONDAY_NINE); t = t.plus(Duration.ofMinutes(5))) {
            om.append("availability 99.97 ").append(t.getEpochSecond()).append('\n');
        }
        om.append("# TYPE errors gauge\n");
        for (String team : new String[] {"<!channel>", "b&b"}) {
            for (Instant t = from; !t.isAfter(MONDAY_NINE); t = t.plus(Duration.ofMinutes(5))) {
                om.append("errors{team=\"")
                        .append(team)
                        .append("\"} 3 ")
                        .append(t.getEpochSecond())
                        .append('\n');
            }
        }
        prometheus = PrometheusServer.start(dir, om.append("# EOF\n").toString());
        Periods periods = new Periods(DayOfWeek.MONDAY, 9);
        measures = new Measures(
                drumbeat.jdbi(), new AuditLog(clock), Measurer.of(Monitoring.at(prometheus.url())), periods, clock);
        prompts = new PromptService(drumbeat.jdbi(), new Outbox(clock), periods, Duration.ofHours(24), clock, measures);
        seed = new Seed(drumbeat.jdbi(), TEAM).person(ALICE, "alice", "member");
        drumbeat.execute("update people set tz = 'UTC'");
        seed.service("payments", "Payments API", "core", ALICE, "1", "1", "1")
                .kpi("payments", "availability", "Availability", "%", "99.9", "up", "99.95")
                .kpi("payments", "p95-latency", "p95 latency", "ms", "300", "down", "310")
                .kpi("payments", "errors", "Errors <b>", "", "1", "down", "0")
                .service("ledger", "Core Ledger", "strategic", ALICE, "1", "1", "1");
        bind("availability", "availability");
        bind("p95-latency", "latency_p95_ms");
        bind("errors", "errors");
    }

    @AfterEach
    void stop() {
        measures.close();
        prometheus.close();
    }

    /** A binding evaluated up to the week of 1 Mar, so the job measures from the week of 8 Mar on. */
    private static void bind(String kpiKey, String query) {
        drumbeat.execute("""
                insert into measure_bindings (team_id, service_id, kpi_id, query, bound_by, bound_at, evaluated_through)
                select k.team_id, k.service_id, k.id, ?, 'U0ADMIN01', timestamptz '2027-03-01 00:00:00+00',
                       date '2027-03-01'
                  from kpis k where k.key = ?""", query, kpiKey);
    }

    private static String dm(String keyLike) {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select args::text from slack_outbox where dedupe_key like :k"
                                + " order by id desc limit 1")
                        .bind("k", keyLike)
                        .mapTo(String.class)
                        .one());
    }

    @Test
    void the_prompt_names_each_measured_kpi_without_a_number_and_why() {
        measures.evaluateDue();

        assertThat(prompts.sendDuePrompts()).isEqualTo(1);

        String dm = dm("prompt:%");
        assertThat(dm)
                .contains("p95 latency: not measured for the week of 8 Mar — `latency_p95_ms` matched no series")
                .contains("Errors &lt;b&gt;: not measured for the week of 8 Mar", "gives 2 series")
                .contains("&lt;!channel&gt;", "b&amp;b")
                .doesNotContain("<!channel>", "Availability: not measured");
    }

    @Test
    void prometheus_gone_at_the_periods_end_is_said_in_the_prompt_and_in_the_dm_redrawn_after_a_check_in() {
        measures.evaluateDue();
        prometheus.close();
        clock.set(MONDAY_NINE.plus(Duration.ofDays(7)));
        measures.evaluateDue();

        prompts.sendDuePrompts();

        assertThat(dm("prompt:%"))
                .contains("Availability: not measured for the week of 15 Mar — Prometheus at " + prometheus.url()
                        + " could not be reached");
        long promptId = drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select id from checkin_prompts")
                        .mapTo(Long.class)
                        .one());
        drumbeat.execute("""
                insert into checkins (team_id, service_id, period_start, status, hurdle, submitted_by, submitted_at)
                select team_id, id, date '2027-03-22', 'green', '', ?, now() from services where key = 'ledger'""", ALICE);
        drumbeat.jdbi()
                .useTransaction(
                        h -> new PromptRefresh(new Outbox(clock), UnmeasuredKpis.of(measures)).refresh(h, promptId));
        assertThat(dm("prompt-update:%"))
                .contains("Availability: not measured for the week of 15 Mar", "checked in by")
                .doesNotContain("<!channel>");
    }
}
