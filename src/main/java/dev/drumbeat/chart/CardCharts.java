package dev.drumbeat.chart;

import com.slack.api.model.block.LayoutBlock;
import dev.drumbeat.catalog.ServiceCard;
import dev.drumbeat.catalog.ServiceCharts;
import java.util.List;
import java.util.Optional;

/**
 * The service card's charts: a trend image for each KPI with a reading in the last 12 weeks, at most three, in the
 * card's KPI order (an empty chart would say no more than the card's "no reading yet"). None without a public
 * address, since Slack fetches the images itself. Thread-safe.
 */
public final class CardCharts implements ServiceCharts {
    static final int MAX_CHARTS = 3;
    private final ChartLinks links;
    private final ChartData data;

    public CardCharts(ChartLinks links, ChartData data) {
        this.links = links;
        this.data = data;
    }

    @Override
    public List<LayoutBlock> imagesFor(ServiceCard card) {
        if (!links.hasPublicUrl()) {
            return List.of();
        }
        String teamId = card.service().teamId();
        return data.trendsOf(teamId, card.service().id()).stream()
                .filter(trend -> !trend.isEmpty())
                .limit(MAX_CHARTS)
                .map(trend -> image(teamId, trend))
                .flatMap(Optional::stream)
                .toList();
    }

    private Optional<LayoutBlock> image(String teamId, KpiTrend trend) {
        return links.absolute(links.kpiTrend(teamId, trend.kpi().id()))
                .map(url -> ChartBlocks.image(url, ChartWords.trendAlt(trend), ChartWords.trendTitle(trend)));
    }
}
