package dev.drumbeat.digest;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every quarter of an hour, on one instance of the cluster: queue the leadership digests that fell due. */
@DisallowConcurrentExecution
public final class DigestJob implements Job {
    public static final String NAME = "leadership-digest";
    private static final Logger log = LoggerFactory.getLogger(DigestJob.class);
    private final DigestService digests;

    public DigestJob(DigestService digests) {
        this.digests = digests;
    }

    @Override
    public void execute(JobExecutionContext context) {
        int sent = digests.sendDueDigests();
        if (sent > 0) {
            log.info("queued {} leadership digests", sent);
        }
    }
}
