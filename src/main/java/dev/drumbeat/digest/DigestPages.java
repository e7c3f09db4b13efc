package dev.drumbeat.digest;

import com.slack.api.model.block.LayoutBlock;
import dev.drumbeat.slack.SlackBlocks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a long list into thread replies that each stay well inside Slack's limits: at most {@link #LINES}
 * lines of at most {@link #MAX_LINE} characters, packed into sections of at most 3000, so a reply holds at
 * most a title, five sections and a "continued" note. Nothing is dropped: what does not fit goes on. Pure.
 */
final class DigestPages {
    static final int LINES = 40;
    static final int MAX_LINE = 300;

    private DigestPages() {}

    /** One page of a titled list, ready to post: its notification text and its blocks. */
    record Page(String text, List<LayoutBlock> blocks) {}

    static List<Page> of(String title, List<String> lines) {
        int count = Math.max(1, (lines.size() + LINES - 1) / LINES);
        List<Page> pages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> slice = lines.subList(i * LINES, Math.min(lines.size(), (i + 1) * LINES)).stream()
                    .map(line -> SlackBlocks.clip(line, MAX_LINE))
                    .toList();
            String part = count == 1 ? "" : " (" + (i + 1) + " of " + count + ")";
            List<LayoutBlock> blocks = new ArrayList<>();
            blocks.add(SlackBlocks.markdown("*" + title + "*" + part));
            blocks.addAll(SlackBlocks.lines(slice));
            if (i < count - 1) {
                blocks.add(SlackBlocks.note("…continued in the next reply."));
            }
            pages.add(new Page("Leadership digest: " + title.toLowerCase(Locale.ROOT) + part, blocks));
        }
        return pages;
    }
}
