package dev.drumbeat.ask;

import com.slack.api.model.block.LayoutBlock;
import dev.drumbeat.ask.advisor.Advice;
import java.util.List;
import java.util.Optional;

/**
 * What Drumbeat says to a question, before the buttons that depend on where it is shown.
 *
 * @param kind     what was asked, as stored with the answer ({@code deprioritise}, {@code who-owns}, …)
 * @param fallback the notification text
 * @param advice   the advisor's working when the answer is a trade-off, so a decision can be recorded from it
 */
public record Answer(String kind, String fallback, List<LayoutBlock> blocks, Optional<Advice> advice) {
    public Answer {
        blocks = List.copyOf(blocks);
    }

    static Answer of(String kind, String fallback, List<LayoutBlock> blocks) {
        return new Answer(kind, fallback, blocks, Optional.empty());
    }

    /** Whether leadership could record a decision from it: a trade-off with something to deprioritise. */
    boolean isDecidable() {
        return advice.map(a -> !a.chosen().picks().isEmpty()
                        || a.supposed().map(s -> !s.stopped().isEmpty()).orElse(false))
                .orElse(false);
    }
}
