package dev.drumbeat.costs;

import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Role;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes a re-allocation that rules put in force asked for and Drumbeat stopped before doing (a restart, a queue
 * full, a database gone mid-way): the months already imported are allocated by the rules in force, and the admin who
 * changed them hears what moved. Leaves a request alone for {@link #GRACE}, while the reply worker is on it.
 */
@DisallowConcurrentExecution
public final class CostReallocationJob implements Job {
    public static final String NAME = "costs-reallocation";
    static final Duration EVERY = Duration.ofMinutes(5);
    static final Duration GRACE = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(CostReallocationJob.class);
    private final Jdbi jdbi;
    private final Clock clock;
    private final CostReallocation reallocation;
    private final CostsReplies replies;
    private final CostsViews views;

    CostReallocationJob(Jdbi jdbi, Clock clock, CostReallocation reallocation, CostsReplies replies, CostsViews views) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.reallocation = reallocation;
        this.replies = replies;
        this.views = views;
    }

    @Override
    public void execute(JobExecutionContext context) {
        for (CostReallocationsDueDao.Due due : jdbi.withExtension(
                CostReallocationsDueDao.class,
                dao -> dao.dueBefore(clock.instant().minus(GRACE)))) {
            Actor actor = new Actor(due.teamId(), due.requestedBy(), Role.ADMIN);
            try {
                CostReallocation.Result result = reallocation.run(actor);
                if (!due.requestedBy().matches("[UW][A-Z0-9]+")) {
                    // rules set from the command line or a script: nobody in Slack to tell
                    log.info("costs: allocated {}'s imported months again by the rules in force", due.teamId());
                    continue;
                }
                replies.post(
                        actor,
                        "costs:reallocated:" + due.teamId() + ":"
                                + due.requestedAt().toEpochMilli(),
                        views.finishedLater(result));
            } catch (RuntimeException e) {
                log.warn(
                        "costs: allocating {}'s imported months again failed; the next run tries again: {}",
                        due.teamId(),
                        e.toString());
            }
        }
    }
}
