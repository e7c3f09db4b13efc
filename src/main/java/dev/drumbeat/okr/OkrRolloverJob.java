package dev.drumbeat.okr;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every hour, on one instance of the cluster: ask owners about objectives left open from an earlier quarter. */
@DisallowConcurrentExecution
public final class OkrRolloverJob implements Job {
    public static final String NAME = "okr-rollover";
    private static final Logger log = LoggerFactory.getLogger(OkrRolloverJob.class);
    private final OkrRollover rollover;

    public OkrRolloverJob(OkrRollover rollover) {
        this.rollover = rollover;
    }

    @Override
    public void execute(JobExecutionContext context) {
        int asked = rollover.askOwners();
        if (asked > 0) {
            log.info("asked owners about {} objectives from an earlier quarter", asked);
        }
    }
}
