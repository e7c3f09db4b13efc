package dev.drumbeat.catalog;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * Chart images for a service card, drawn by another feature. {@link #NONE} when Slack could not fetch the images
 * (Drumbeat has no public address).
 */
public interface ServiceCharts {
    ServiceCharts NONE = card -> List.of();

    /** Image blocks for the card, at most a few. */
    List<LayoutBlock> imagesFor(ServiceCard card);
}
