package dev.drumbeat.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.Seed;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The latest reading kept on each KPI by triggers: the same answer as searching kpi_readings, after any change. */
class KpiLatestReadingTest {
    static final String TEAM = "T0LATEST";

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withoutApp();

    @BeforeEach
    void reset() {
        new Seed(drumbeat.jdbi(), TEAM)
                .service("payments", "Payments API", "core", null, "1", "1", "1")
                .kpi("payments", "uptime", "Uptime", "%", "99.9", "up", "99.0");
        drumbeat.jdbi().useHandle(h -> h.execute("""
                insert into kpis (team_id, service_id, key, name, target, direction)
                select team_id, id, 'latency', 'Latency', 300, 'down' from services"""));
    }

    private static void sql(String sql) {
        drumbeat.jdbi().useHandle(h -> h.execute(sql));
    }

    private static Map<String, Object> latest(String kpi) {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("""
                select cast(latest_value as text) as value, cast(latest_period as text) as period,
                       (select cast(r.value as text) from kpi_readings r where r.kpi_id = k.id
                         order by r.period_start desc, r.recorded_at desc, r.id desc limit 1) as searched
                  from kpis k where key = :kpi""").bind("kpi", kpi).mapToMap().one());
    }

    private static void reading(String kpi, String period, String value, String source, String recordedAt) {
        sql(
                "insert into kpi_readings (team_id, kpi_id, period_start, value, source, recorded_at) select team_id, id, date '"
                        + period + "', " + value + ", '" + source + "', timestamptz '" + recordedAt
                        + "' from kpis where key = '" + kpi + "'");
    }

    @Test
    void a_kpi_without_readings_has_no_latest_value() {
        assertThat(latest("latency")).containsEntry("value", null).containsEntry("period", null);
    }

    @Test
    void the_latest_period_wins_whatever_order_readings_arrive_in() {
        reading("latency", "2026-11-16", "250", "slack", "2026-11-17 10:00:00+00");
        reading("latency", "2026-11-02", "900", "slack", "2026-11-20 10:00:00+00");

        assertThat(latest("latency"))
                .containsEntry("value", "250.0000")
                .containsEntry("period", "2026-11-16")
                .containsEntry("searched", "250.0000");
        assertThat(latest("uptime")).containsEntry("value", "99.0000").containsEntry("period", "2026-11-16");
    }

    @Test
    void within_a_period_the_latest_recorded_source_wins() {
        reading("latency", "2026-11-16", "250", "slack", "2026-11-17 10:00:00+00");
        reading("latency", "2026-11-16", "280", "api", "2026-11-17 11:00:00+00");
        assertThat(latest("latency")).containsEntry("value", "280.0000");

        reading("latency", "2026-11-16", "200", "monitoring", "2026-11-17 09:00:00+00");
        assertThat(latest("latency")).containsEntry("value", "280.0000").containsEntry("searched", "280.0000");
    }

    @Test
    void updates_and_deletes_move_the_latest_value_with_them() {
        reading("latency", "2026-11-09", "310", "slack", "2026-11-10 10:00:00+00");
        reading("latency", "2026-11-16", "250", "slack", "2026-11-17 10:00:00+00");

        sql(
                "update kpi_readings set value = 260 where period_start = date '2026-11-16' and kpi_id = (select id from kpis where key = 'latency')");
        assertThat(latest("latency")).containsEntry("value", "260.0000");

        sql(
                "delete from kpi_readings where period_start = date '2026-11-16' and kpi_id = (select id from kpis where key = 'latency')");
        assertThat(latest("latency")).containsEntry("value", "310.0000").containsEntry("period", "2026-11-09");

        sql("delete from kpi_readings where kpi_id = (select id from kpis where key = 'latency')");
        assertThat(latest("latency")).containsEntry("value", null).containsEntry("period", null);
    }

    @Test
    void one_statement_over_many_kpis_refreshes_each_of_them() {
        sql("""
                insert into kpi_readings (team_id, kpi_id, period_start, value)
                select k.team_id, k.id, date '2026-10-05' + 7 * w, 100 + w
                  from kpis k cross join generate_series(0, 10) w
                 where not exists (select 1 from kpi_readings r where r.kpi_id = k.id and r.period_start = date '2026-10-05' + 7 * w)""");

        assertThat(latest("latency")).containsEntry("value", "110.0000").containsEntry("period", "2026-12-14");
        assertThat(latest("uptime")).containsEntry("value", "110.0000").containsEntry("searched", "110.0000");
    }
}
