package dev.drumbeat.chart;

import dev.drumbeat.feature.Contributions;
import dev.drumbeat.feature.Feature;
import dev.drumbeat.feature.Shared;

/** Charts: KPI trends for service cards, cost by tier for the digest, and the signed image links that serve them. */
public final class ChartFeature implements Feature {
    private final Shared shared;
    private final ChartLinks links;
    private final ChartData data;

    public ChartFeature(Shared shared) {
        this.shared = shared;
        this.links = new ChartLinks(
                shared.config().signingSecret(), shared.config().publicUrl(), shared.clock(), ChartLinks.SLACK_TTL);
        this.data = new ChartData(shared.jdbi(), shared.clock());
    }

    /** The KPI trends a service card shows. */
    public CardCharts cards() {
        return new CardCharts(links, data);
    }

    /** The cost and margin by tier the weekly digest shows. */
    public DigestCharts digestChart() {
        return new DigestCharts(links, data, shared.money());
    }

    @Override
    public void contribute(Contributions contributions) {
        contributions.routes(new ChartRoutes(links, data, shared.config().currency()));
    }
}
