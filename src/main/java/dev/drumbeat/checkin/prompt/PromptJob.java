package dev.drumbeat.checkin.prompt;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every minute, on one instance of the cluster: send the prompts that fell due, then the reminders. */
@DisallowConcurrentExecution
public final class PromptJob implements Job {
    public static final String NAME = "checkin-prompts";
    private static final Logger log = LoggerFactory.getLogger(PromptJob.class);
    private final PromptService prompts;

    public PromptJob(PromptService prompts) {
        this.prompts = prompts;
    }

    @Override
    public void execute(JobExecutionContext context) {
        int sent = prompts.sendDuePrompts();
        int reminded = prompts.sendDueReminders();
        if (sent + reminded > 0) {
            log.info("queued {} check-in prompts and {} reminders", sent, reminded);
        }
    }
}
