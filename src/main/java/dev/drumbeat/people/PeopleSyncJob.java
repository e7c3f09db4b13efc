package dev.drumbeat.people;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Hourly, on one instance: re-reads the workspace's people from Slack so time zones stay right (a prompt
 * goes out at 09:00 where the person is now) and deactivations missed as events are caught.
 */
@DisallowConcurrentExecution
public final class PeopleSyncJob implements Job {
    public static final String NAME = "people-sync";
    private final PeopleSync sync;

    public PeopleSyncJob(PeopleSync sync) {
        this.sync = sync;
    }

    @Override
    public void execute(JobExecutionContext context) {
        sync.syncOwnWorkspace();
    }
}
