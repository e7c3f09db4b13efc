package dev.drumbeat.escalation;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Daily, on one instance: asks Slack about every owner, catching deactivations whose events were missed.
 * The run is paced, so it can take a while; shutting down interrupts it and the next run starts over.
 */
@DisallowConcurrentExecution
public final class OwnerCheckJob implements InterruptableJob {
    public static final String NAME = "owner-check";
    private static final Logger log = LoggerFactory.getLogger(OwnerCheckJob.class);
    private final OwnerCheck check;
    private volatile Thread running;

    public OwnerCheckJob(OwnerCheck check) {
        this.check = check;
    }

    @Override
    public void execute(JobExecutionContext context) {
        running = Thread.currentThread();
        OwnerCheck.Result result;
        try {
            result = check.run();
        } catch (IllegalStateException stopped) {
            log.info("owner check stopped: {}", stopped.getMessage());
            return;
        } finally {
            running = null;
            Thread.interrupted(); // the interrupt was ours to stop the run; don't leave it on Quartz's worker thread
        }
        log.info(
                "owner check: {} owners asked about, {} no longer in Slack{}",
                result.checked(),
                result.marked(),
                result.completed() ? "" : " (stopped early)");
    }

    @Override
    public void interrupt() {
        Thread thread = running;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
