package dev.drumbeat.dashboard;

import dev.drumbeat.chart.ChartLinks;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Where the dashboard finds chart images: a signed relative URL for one KPI's trend, for one service's plan against
 * its bills (by service id), and for a workspace's cost by tier, or empty when there is none. Normally the chart
 * feature's {@link ChartLinks}; {@link #none()} leaves the pages without images.
 */
public record DashboardCharts(
        BiFunction<String, Long, Optional<String>> kpiTrend,
        BiFunction<String, Long, Optional<String>> planActual,
        Function<String, Optional<String>> tierCosts) {
    /** A page is re-rendered on every visit (never cached), so its image links need live no longer than a session. */
    static final Duration LINK_LIFE = DashboardAccess.SESSION_LIFE;

    /** Charts signed for the dashboard: links that live as long as a dashboard session. */
    public static DashboardCharts signed(String signingSecret, Optional<String> publicUrl, Clock clock) {
        ChartLinks links = new ChartLinks(signingSecret, publicUrl, clock, LINK_LIFE);
        return new DashboardCharts(
                (team, kpi) -> Optional.of(links.kpiTrend(team, kpi)),
                (team, service) -> Optional.of(links.planActual(team, service)),
                team -> Optional.of(links.tierCosts(team)));
    }

    public static DashboardCharts none() {
        return new DashboardCharts(
                (team, kpi) -> Optional.empty(), (team, service) -> Optional.empty(), team -> Optional.empty());
    }
}
