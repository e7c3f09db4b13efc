package dev.drumbeat.costs;

import java.util.Optional;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every hour, on one instance of the cluster: import the exports that landed in the costs folder. Declared whether or
 * not a folder is set, so a job stored before the setting was removed still finds its class, and does nothing.
 */
@DisallowConcurrentExecution
public final class CostFolderJob implements Job {
    public static final String NAME = "costs-folder";
    private static final Logger log = LoggerFactory.getLogger(CostFolderJob.class);
    private final Optional<CostFolderScan> scan;

    public CostFolderJob(Optional<CostFolderScan> scan) {
        this.scan = scan;
    }

    @Override
    public void execute(JobExecutionContext context) {
        scan.ifPresent(folder -> {
            int imported = folder.scan();
            if (imported > 0) {
                log.info("imported {} exports from the costs folder", imported);
            }
        });
    }
}
