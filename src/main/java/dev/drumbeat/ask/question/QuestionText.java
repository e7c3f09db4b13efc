package dev.drumbeat.ask.question;

import dev.drumbeat.slack.SlackBlocks;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * A question ready for the patterns: {@link #canonical()} is its words in canonical form, one space
 * apart, politeness trimmed; {@link #original} gives back what was typed for any stretch of it, so
 * names reach the catalog as the asker wrote them. Immutable and thread-safe.
 */
public final class QuestionText {

    /** Longer messages are not questions this parser reads; the patterns never see them. */
    static final int LONGEST_QUESTION = 600;

    private static final Pattern LEADING_MENTIONS = Pattern.compile("^(?:\\s*<[@!][^>]*>\\s*[,:]?)+");

    private final String asked;
    private final List<QuestionToken> tokens;
    private final String canonical;
    private final int[] starts;

    private QuestionText(String asked, List<QuestionToken> tokens) {
        this.asked = asked;
        this.tokens = List.copyOf(tokens);
        this.starts = new int[tokens.size()];
        StringJoiner joined = new StringJoiner(" ");
        int at = 0;
        for (int i = 0; i < tokens.size(); i++) {
            starts[i] = at;
            joined.add(tokens.get(i).canonical());
            at += tokens.get(i).canonical().length() + 1;
        }
        this.canonical = joined.toString();
    }

    static QuestionText of(String text) {
        String asked = askedText(text);
        if (asked.length() > LONGEST_QUESTION) {
            return new QuestionText(asked, List.of());
        }
        List<QuestionToken> tokens = QuestionTokenizer.tokenize(asked);
        List<QuestionToken> placed = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            placed.add(tokens.get(i).at(i));
        }
        return new QuestionText(asked, QuestionFillers.trim(placed));
    }

    /** What was asked, without leading Slack mentions (of people or of @here) and with Slack's HTML escapes undone. */
    String asked() {
        return asked;
    }

    String canonical() {
        return canonical;
    }

    boolean isEmpty() {
        return tokens.isEmpty();
    }

    /** The words as typed behind canonical()[start, end). */
    String original(int start, int end) {
        StringJoiner typed = new StringJoiner(" ");
        for (int i = 0; i < tokens.size(); i++) {
            if (overlaps(i, start, end)) {
                typed.add(tokens.get(i).original());
            }
        }
        return typed.toString();
    }

    /** The same question without the words behind canonical()[start, end). */
    QuestionText without(int start, int end) {
        List<QuestionToken> kept = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!overlaps(i, start, end)) {
                kept.add(tokens.get(i));
            }
        }
        return new QuestionText(asked, kept);
    }

    /** The same question without the words behind each of {@code spans} of canonical(). */
    QuestionText without(List<QuestionSpan> spans) {
        List<QuestionToken> kept = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            int token = i;
            if (spans.stream().noneMatch(span -> overlaps(token, span.start(), span.end()))) {
                kept.add(tokens.get(i));
            }
        }
        return new QuestionText(asked, kept);
    }

    /** The words, in order. */
    List<QuestionToken> tokens() {
        return tokens;
    }

    /** The span of canonical() that token {@code index} covers. */
    QuestionSpan spanOf(int index) {
        return new QuestionSpan(
                starts[index], starts[index] + tokens.get(index).canonical().length());
    }

    private boolean overlaps(int token, int start, int end) {
        int tokenEnd = starts[token] + tokens.get(token).canonical().length();
        return starts[token] < end && tokenEnd > start;
    }

    public static String askedText(String text) {
        if (text == null) {
            return "";
        }
        return SlackBlocks.unescape(LEADING_MENTIONS.matcher(text).replaceFirst(""))
                .strip();
    }
}
