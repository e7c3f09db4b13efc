package dev.drumbeat.measure;

import dev.drumbeat.feature.Contributions;
import dev.drumbeat.feature.Feature;
import dev.drumbeat.feature.Shared;
import java.time.Duration;

/**
 * Measured KPIs and demand: `/drumbeat kpi bind|unbind`, `/drumbeat sources`, and the job that measures each ended
 * period. Its {@link Measures} is what the catalog and check-ins ask for measured values and where they came from.
 */
public final class MeasureFeature implements Feature {
    static final Duration EVERY = Duration.ofMinutes(5);
    private final Shared shared;
    private final Measures measures;

    public MeasureFeature(Shared shared) {
        this.shared = shared;
        this.measures = new Measures(
                shared.jdbi(),
                shared.audit(),
                Measurer.of(shared.config().monitoring()),
                shared.periods(),
                shared.clock());
    }

    public Measures measures() {
        return measures;
    }

    @Override
    public void contribute(Contributions contributions) {
        contributions.running(measures);
        contributions
                .command(MeasureCommand.bind(measures, shared.jdbi(), shared.periods(), shared.clock()))
                .command(MeasureCommand.unbind(measures, shared.jdbi(), shared.periods(), shared.clock()))
                .command(new SourcesCommand(measures, shared.jdbi()));
        contributions.job(MeasureJob.NAME, MeasureJob.class, () -> new MeasureJob(measures), EVERY);
    }
}
