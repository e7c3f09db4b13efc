package dev.drumbeat.chart;

import com.slack.api.model.block.LayoutBlock;
import dev.drumbeat.core.Money;
import dev.drumbeat.digest.DigestChart;
import java.time.Instant;
import java.util.List;

/**
 * The weekly digest's chart: monthly cost and margin by tier as the catalog stood when the digest was sent, so the
 * image Slack fetches days later still matches the digest's figures. None without a public address. Thread-safe.
 */
public final class DigestCharts implements DigestChart {
    private final ChartLinks links;
    private final ChartData data;
    private final Money money;

    public DigestCharts(ChartLinks links, ChartData data, Money money) {
        this.links = links;
        this.data = data;
        this.money = money;
    }

    @Override
    public List<LayoutBlock> blocksFor(String teamId, Instant at) {
        if (!links.hasPublicUrl()) {
            return List.of();
        }
        String alt = ChartWords.tierAlt(data.tierCosts(teamId, at), money);
        return links.absolute(links.tierCosts(teamId, at))
                .map(url -> List.of(ChartBlocks.image(url, alt, ChartWords.tierTitle())))
                .orElse(List.of());
    }
}
