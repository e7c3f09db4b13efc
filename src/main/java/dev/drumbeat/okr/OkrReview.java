package dev.drumbeat.okr;

import dev.drumbeat.catalog.CatalogTotals;
import dev.drumbeat.core.Money;
import dev.drumbeat.costs.CostMonths;
import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.slack.outbox.OutboxMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quarterly review, once per workspace when a quarter ends, to the leadership channel: each objective's outcome,
 * monthly cost and margin by tier against the start of the quarter, every decision recorded in it with its planned
 * saving beside the saving realised (measured from the bills, {@link RealisedSavings}), and what stayed ownerless or
 * stale all quarter. Its outbox key makes it once. Thread-safe.
 */
public final class OkrReview {
    private static final Logger log = LoggerFactory.getLogger(OkrReview.class);
    private final Jdbi jdbi;
    private final Outbox outbox;
    private final OkrService okrs;
    private final OkrReviewViews views;
    private final Optional<String> leadershipChannel;
    private final Clock clock;
    private final RealisedSavings realised;

    public OkrReview(
            Jdbi jdbi, Outbox outbox, OkrService okrs, Money money, Optional<String> leadershipChannel, Clock clock) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.okrs = okrs;
        this.views = new OkrReviewViews(money);
        this.leadershipChannel = leadershipChannel;
        this.clock = clock;
        this.realised = new RealisedSavings(new CostMonths(jdbi, clock));
    }

    /** The facts of one workspace's review. */
    record Facts(
            Quarter quarter,
            List<OkrService.ObjectiveView> objectives,
            Map<String, CatalogTotals.Totals> atStart,
            Map<String, CatalogTotals.Totals> atEnd,
            List<DecisionOutcome> decisions,
            List<String> neglected) {}

    /** Queues the review of the quarter just ended for each workspace that had one; returns how many were new. */
    public int sendDue() {
        if (leadershipChannel.isEmpty()) {
            return 0;
        }
        Quarter ended =
                Quarter.of(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)).previous();
        Instant start = instant(ended.start());
        Instant end = instant(ended.end());
        int sent = 0;
        for (String team : jdbi.withExtension(OkrReviewDao.class, dao -> dao.findTeams(ended.toString(), start, end))) {
            String key = "okr:review:" + team + ":" + ended;
            if (jdbi.withExtension(OkrReviewDao.class, dao -> dao.isQueued(key))) {
                continue;
            }
            try {
                Facts facts = facts(team, ended, start, end);
                boolean queued = jdbi.inTransaction(handle -> outbox.enqueue(
                        handle, OutboxMessage.post(team, key, leadershipChannel.get(), views.review(facts))));
                sent += queued ? 1 : 0;
            } catch (RuntimeException e) {
                log.error("the {} review for {} failed; the next run tries again", ended, team, e);
            }
        }
        return sent;
    }

    Facts facts(String team, Quarter quarter, Instant start, Instant end) {
        List<DecisionOutcome> decisions = realised.measure(
                team, jdbi.withExtension(OkrReviewDao.class, dao -> dao.findDecisions(team, start, end)));
        return jdbi.withHandle(handle -> {
            OkrReviewDao dao = handle.attach(OkrReviewDao.class);
            return new Facts(
                    quarter,
                    okrs.views(team, dao.findObjectives(team, quarter.toString()), quarter),
                    CatalogTotals.at(handle, team, start),
                    CatalogTotals.at(handle, team, end),
                    decisions,
                    dao.findNeglected(team, start, end));
        });
    }

    private static Instant instant(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
