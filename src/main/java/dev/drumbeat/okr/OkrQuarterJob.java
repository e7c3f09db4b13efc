package dev.drumbeat.okr;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every hour, on one instance of the cluster, the turn of the quarter: the review of the quarter just ended to
 * leadership, then the owners of objectives left open asked to roll them over or close them. Each happens once.
 */
@DisallowConcurrentExecution
public final class OkrQuarterJob implements Job {
    public static final String NAME = "okr-quarter";
    private static final Logger log = LoggerFactory.getLogger(OkrQuarterJob.class);
    private final OkrReview review;
    private final OkrRollover rollover;

    public OkrQuarterJob(OkrReview review, OkrRollover rollover) {
        this.review = review;
        this.rollover = rollover;
    }

    @Override
    public void execute(JobExecutionContext context) {
        int reviews = 0;
        try {
            reviews = review.sendDue();
        } catch (RuntimeException e) {
            log.error("the quarterly reviews failed; the rollover questions go ahead", e);
        }
        int asked = rollover.askOwners();
        if (reviews + asked > 0) {
            log.info("quarter turned: {} reviews queued, owners asked about {} objectives", reviews, asked);
        }
    }
}
