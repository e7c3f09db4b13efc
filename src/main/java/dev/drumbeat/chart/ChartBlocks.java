package dev.drumbeat.chart;

import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.LayoutBlock;

/** The Block Kit image block that shows a chart in Slack: its absolute URL, alt text and title within Slack's limits. */
final class ChartBlocks {
    static final int MAX_URL = 3000;

    private ChartBlocks() {}

    static LayoutBlock image(String url, String altText, String title) {
        if (url.length() > MAX_URL) {
            throw new IllegalArgumentException("a chart URL is longer than Slack's 3000 characters: " + url.length());
        }
        return Blocks.image(i -> i.imageUrl(url).altText(altText).title(plainText(title)));
    }
}
