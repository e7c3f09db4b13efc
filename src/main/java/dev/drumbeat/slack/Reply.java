package dev.drumbeat.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * What a subcommand answers: a fallback text and Block Kit blocks, shown only to the person who asked
 * unless {@code inChannel}. An empty reply acknowledges without a message (used when a modal opens).
 * The fallback text is mrkdwn like the blocks: what people typed goes in through {@link SlackBlocks#escape}.
 */
public record Reply(String text, List<LayoutBlock> blocks, boolean inChannel) {

    public static Reply of(String text, List<LayoutBlock> blocks) {
        return new Reply(text, List.copyOf(blocks), false);
    }

    public static Reply text(String text) {
        return new Reply(text, List.of(SlackBlocks.markdown(text)), false);
    }

    public static Reply none() {
        return new Reply("", List.of(), false);
    }

    public boolean isEmpty() {
        return text.isEmpty() && blocks.isEmpty();
    }
}
