package dev.drumbeat.sandbox;

import dev.drumbeat.checkin.prompt.PromptJob;
import dev.drumbeat.digest.DigestJob;
import dev.drumbeat.escalation.EscalationJob;
import dev.drumbeat.okr.OkrQuarterJob;
import dev.drumbeat.schedule.JobRunner;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

/**
 * The sandbox's clock control: moves the demo's clock forward (saving where it stands, for a restart), lets the
 * demo's colleagues answer what fell due, then runs the jobs that care about time at once (prompts and reminders, escalations, the digest, the turn of the
 * quarter) instead of waiting for their next turn.
 */
public final class SandboxClock {
    private static final List<String> TIMELY_JOBS =
            List.of(PromptJob.NAME, EscalationJob.NAME, DigestJob.NAME, OkrQuarterJob.NAME);
    private final DemoClock clock;
    private final Supplier<JobRunner> drumbeat;
    private final DemoColleagues colleagues;
    private final SandboxHistory history;

    public SandboxClock(
            DemoClock clock, Supplier<JobRunner> drumbeat, DemoColleagues colleagues, SandboxHistory history) {
        this.clock = clock;
        this.drumbeat = drumbeat;
        this.colleagues = colleagues;
        this.history = history;
    }

    Instant now() {
        return clock.instant();
    }

    Instant advanceOneDay() {
        return ran(clock.advance(Duration.ofDays(1)));
    }

    Instant advanceToMondayNine(ZoneId zone) {
        return ran(clock.advanceToMondayNine(zone));
    }

    /** A restart resumes from where the clock now stands, so that is saved at once. */
    private Instant ran(Instant now) {
        history.save();
        colleagues.catchUp();
        TIMELY_JOBS.forEach(job -> drumbeat.get().runJobNow(job));
        return now;
    }
}
