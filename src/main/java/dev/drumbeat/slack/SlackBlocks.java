package dev.drumbeat.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import java.util.ArrayList;
import java.util.List;

/** Small Block Kit helpers shared by every feature's views, each within Slack's limits. */
public final class SlackBlocks {
    public static final int MAX_TEXT = 3000;
    public static final int MAX_HEADER = 150;
    public static final int MAX_MESSAGE_BLOCKS = 50;

    private SlackBlocks() {}

    public static LayoutBlock markdown(String text) {
        return section(s -> s.text(markdownText(clip(text, MAX_TEXT))));
    }

    public static LayoutBlock heading(String text) {
        return header(h -> h.text(plainText(clip(text, MAX_HEADER))));
    }

    public static LayoutBlock note(String text) {
        return context(c -> c.elements(List.of(markdownText(clip(text, MAX_TEXT)))));
    }

    public static LayoutBlock fields(List<String> markdownFields) {
        List<TextObject> fields = markdownFields.stream()
                .limit(10)
                .<TextObject>map(f -> markdownText(clip(f, 2000)))
                .toList();
        return section(s -> s.fields(fields));
    }

    /** Packs lines into as few sections as Slack's 3000-character limit allows. */
    public static List<LayoutBlock> lines(List<String> lines) {
        List<LayoutBlock> blocks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            if (current.length() + line.length() + 1 > MAX_TEXT && current.length() > 0) {
                blocks.add(markdown(current.toString()));
                current.setLength(0);
            }
            current.append(current.length() == 0 ? "" : "\n").append(line);
        }
        if (current.length() > 0) {
            blocks.add(markdown(current.toString()));
        }
        return blocks;
    }

    public static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /**
     * The one way text people typed (names, hurdles, notes, titles, reasons, what they asked) goes into mrkdwn: in a
     * section, a context, a field, a message's notification {@code text} or a sentence a reply or notice shows.
     * Escapes the three characters Slack treats as control characters, {@code &}, {@code <} and {@code >}, so
     * {@code <!channel>}, {@code <@U…>}, {@code <#C…>} and {@code <url|label>} in it show as typed instead of
     * notifying or linking. {@code *}, {@code _} and {@code ~} are left alone: at worst they format. Mentions and dates
     * Drumbeat makes itself ({@code Mentions.mention}, {@code <!date^…>}) go in unescaped, after escaping. Not for
     * {@code plain_text} objects (headers, modal titles, labels, buttons), which Slack shows as they are.
     */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Undoes Slack's escaping of text it sends (a slash command's text, a message's), giving back what was typed;
     * Slack's own tokens, such as a mention {@code <@U123|alex>}, stay as they are.
     */
    public static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
