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
 * depth, its oldest waiting message and its dead letters, open escalations, and this week's check-in response. While
 * the database is down they read NaN ({@link MetricsGaugeReads}).
 */
public final class MetricsGauges {
    private MetricsGauges() {}

    public static void register(Metrics metrics, Jdbi jdbi, Periods periods, Clock clock) {
        MetricsGaugeReads reads = new MetricsGaugeReads(System::nanoTime);
        metrics.gauge(
                "drumbeat.outbox.pending",
                "Slack calls in the outbox not yet sent (waiting or being sent)",
                reads.guard(() -> jdbi.withExtension(MetricsDao.class, MetricsDao::countPendingOutbox)));
        metrics.gauge(
                "drumbeat.outbox.sending",
                "Slack calls claimed and being sent, including any a stopped instance left until its lease ends",
                reads.guard(() -> jdbi.withExtension(MetricsDao.class, MetricsDao::countSendingOutbox)));
        metrics.gauge(
                "drumbeat.outbox.dead",
                "Slack calls given up on (see /drumbeat outbox)",
                reads.guard(() -> jdbi.withExtension(MetricsDao.class, MetricsDao::countDeadOutbox)));
        metrics.gauge(
                "drumbeat.outbox.oldest.pending.seconds",
                "Age of the oldest Slack call not yet sent",
                reads.guard(() -> oldestPending(jdbi, clock)));
        metrics.gauge(
                "drumbeat.escalations.open",
                "Open escalations",
                reads.guard(() -> jdbi.withExtension(MetricsDao.class, MetricsDao::countOpenEscalations)));
        metrics.gauge(
                "drumbeat.checkins.response.ratio",
                "Share of owned active services checked in this week (UTC)",
                reads.guard(() -> responseRatio(jdbi, periods.periodOf(clock.instant(), ZoneOffset.UTC))));
    }

    private static double oldestPending(Jdbi jdbi, Clock clock) {
        Optional<Instant> oldest = jdbi.withExtension(MetricsDao.class, MetricsDao::oldestPendingOutbox);
        return oldest.map(o -> (double) Duration.between(o, clock.instant()).toSeconds())
                .orElse(0.0);
    }

    private static double responseRatio(Jdbi jdbi, LocalDate period) {
        return jdbi.withExtension(MetricsDao.class, dao -> dao.checkInResponseRatio(period));
    }
}
