package dev.drumbeat.metrics;

import dev.drumbeat.core.Periods;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The gauges read from the database each time {@code /metrics} is scraped, across all workspaces: the outbox's
 * depth, its oldest waiting message and its dead letters, open escalations, and this week's check-in response.
 */
public final class MetricsGauges {
    private MetricsGauges() {
    }

    public static void register(Metrics metrics, Jdbi jdbi, Periods periods, Clock clock) {
        metrics.gauge("drumbeat.outbox.pending", "Slack calls waiting in the outbox",
                () -> count(jdbi, "select count(*) from slack_outbox where state = 'pending'"));
        metrics.gauge("drumbeat.outbox.dead", "Slack calls given up on (see /drumbeat outbox)",
                () -> count(jdbi, "select count(*) from slack_outbox where state = 'dead'"));
        metrics.gauge("drumbeat.outbox.oldest.pending.seconds", "Age of the oldest Slack call still waiting",
                () -> oldestPending(jdbi, clock));
        metrics.gauge("drumbeat.escalations.open", "Open escalations",
                () -> count(jdbi, "select count(*) from escalations where closed_at is null"));
        metrics.gauge("drumbeat.checkins.response.ratio", "Share of owned active services checked in this week (UTC)",
                () -> responseRatio(jdbi, periods.periodOf(clock.instant(), ZoneOffset.UTC)));
    }

    private static long count(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static double oldestPending(Jdbi jdbi, Clock clock) {
        Optional<Instant> oldest = jdbi.withHandle(h -> h.createQuery(
                "select min(created_at) from slack_outbox where state = 'pending'").mapTo(Instant.class).findOne());
        return oldest.map(o -> (double) Duration.between(o, clock.instant()).toSeconds()).orElse(0.0);
    }

    private static double responseRatio(Jdbi jdbi, LocalDate period) {
        return jdbi.withHandle(h -> h.createQuery("""
                select coalesce(count(c.service_id)::float8 / nullif(count(*), 0), 0)
                  from services s
                  left join checkins c on c.service_id = s.id and c.period_start = :period
                 where s.active and s.owner_id is not null""").bind("period", period).mapTo(Double.class).one());
    }
}
