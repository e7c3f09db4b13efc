package dev.drumbeat.digest;

import dev.drumbeat.costs.CostMonths;
import dev.drumbeat.feature.Contributions;
import dev.drumbeat.feature.Feature;
import dev.drumbeat.feature.Shared;
import java.time.Duration;
import java.util.List;

/**
 * The weekly leadership digest, threaded: the headline, pages of services needing attention, the sections and charts
 * other features write ({@code section}, {@code chart}), and the month's cost movers from the bills.
 */
public final class DigestFeature implements Feature {
    private final Shared shared;
    private final DigestSection section;
    private final DigestChart chart;

    public DigestFeature(Shared shared, DigestSection section, DigestChart chart) {
        this.shared = shared;
        this.section = section;
        this.chart = chart;
    }

    @Override
    public void contribute(Contributions contributions) {
        DigestService digests = new DigestService(
                shared.jdbi(),
                shared.outbox(),
                shared.periods(),
                shared.config().leadershipChannel(),
                shared.money(),
                shared.clock(),
                List.of(
                        section,
                        new DigestCostSection(
                                shared.jdbi(), new CostMonths(shared.jdbi(), shared.clock()), shared.money())),
                chart);
        contributions.job(DigestJob.NAME, DigestJob.class, () -> new DigestJob(digests), Duration.ofMinutes(15));
    }
}
