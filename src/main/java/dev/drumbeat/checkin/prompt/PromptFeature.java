package dev.drumbeat.checkin.prompt;

import dev.drumbeat.feature.Contributions;
import dev.drumbeat.feature.Feature;
import dev.drumbeat.feature.Shared;
import dev.drumbeat.measure.Measures;
import java.time.Duration;

/** The weekly check-in prompt at 09:00 in each owner's zone, its reminder, and the redraw once it is answered. */
public final class PromptFeature implements Feature {
    private final Shared shared;
    private final PromptRefresh updates;
    private final Measures measures;

    /** {@code measures} says which measured KPIs of a prompted service have no number, and why. */
    public PromptFeature(Shared shared, Measures measures) {
        this.shared = shared;
        this.measures = measures;
        this.updates = new PromptRefresh(shared.outbox(), UnmeasuredKpis.of(measures));
    }

    /** Redraws the prompt a check-in answered. */
    public PromptRefresh updates() {
        return updates;
    }

    @Override
    public void contribute(Contributions contributions) {
        PromptService prompts = new PromptService(
                shared.jdbi(),
                shared.outbox(),
                shared.periods(),
                shared.config().reminderDelay(),
                shared.clock(),
                measures);
        contributions.job(PromptJob.NAME, PromptJob.class, () -> new PromptJob(prompts), Duration.ofMinutes(1));
    }
}
