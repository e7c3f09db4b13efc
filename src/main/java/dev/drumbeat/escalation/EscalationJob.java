package dev.drumbeat.escalation;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every quarter of an hour, on one instance of the cluster: the escalation sweep over every workspace. */
@DisallowConcurrentExecution
public final class EscalationJob implements Job {
    public static final String NAME = "escalation-sweep";
    private static final Logger log = LoggerFactory.getLogger(EscalationJob.class);
    private final EscalationService escalations;

    public EscalationJob(EscalationService escalations) {
        this.escalations = escalations;
    }

    @Override
    public void execute(JobExecutionContext context) {
        EscalationService.Applied applied = escalations.sweep();
        if (!applied.isEmpty()) {
            log.info(
                    "escalations: {} opened, {} climbed or updated, {} closed",
                    applied.opened(),
                    applied.changed(),
                    applied.closed());
        }
    }
}
