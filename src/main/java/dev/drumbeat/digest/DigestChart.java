package dev.drumbeat.digest;

import com.slack.api.model.block.LayoutBlock;
import java.time.Instant;
import java.util.List;

/**
 * A chart for the weekly digest another feature draws (cost and margin by tier), posted as a reply in the digest's
 * thread. Empty when there is none, such as when Slack could not fetch the image.
 */
public interface DigestChart {
    DigestChart NONE = (teamId, at) -> List.of();

    /** The chart's blocks for the workspace's digest sent {@code at}. */
    List<LayoutBlock> blocksFor(String teamId, Instant at);
}
