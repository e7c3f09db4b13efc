package dev.drumbeat.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The gauges' reads, across all workspaces. Plain SQL over the tables the features own, so this infrastructure
 * package still depends on none of them.
 */
interface MetricsDao {

    /** Waiting to go or on its way: pending, or sending (a row a crashed sender left sending stays counted). */
    @SqlQuery("select count(*) from slack_outbox where state in ('pending', 'sending')")
    long countPendingOutbox();

    @SqlQuery("select count(*) from slack_outbox where state = 'sending'")
    long countSendingOutbox();

    @SqlQuery("select count(*) from slack_outbox where state = 'dead'")
    long countDeadOutbox();

    /** When the oldest message not yet sent (pending or sending) was queued; empty when none is. */
    @SqlQuery("select min(created_at) from slack_outbox where state in ('pending', 'sending')")
    Optional<Instant> oldestPendingOutbox();

    @SqlQuery("select count(*) from escalations where closed_at is null")
    long countOpenEscalations();

    /** The share of owned active services checked in for {@code period}; 0 when there are none. */
    @SqlQuery("""
            select coalesce(count(c.service_id)::float8 / nullif(count(*), 0), 0)
              from services s
              left join checkins c on c.service_id = s.id and c.period_start = :period
             where s.active and s.owner_id is not null""")
    double checkInResponseRatio(@Bind("period") LocalDate period);
}
