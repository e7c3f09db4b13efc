package dev.drumbeat.ask.question;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Takes the politeness off both ends of a question ("hey drumbeat, could you tell me … please?"),
 * so the patterns only see the question itself. Works on canonical words, so "pls" and "Please"
 * go alike. Stateless and thread-safe.
 */
final class QuestionFillers {

    private static final List<List<String>> LEADING = longestFirst(
            "hey",
            "hi",
            "hello",
            "yo",
            "ok",
            "so",
            "um",
            "uh",
            "hmm",
            "drumbeat",
            ",",
            "please",
            "kindly",
            "just",
            "quick question",
            "question",
            "could you",
            "can you",
            "would you",
            "will you",
            "tell me",
            "let me know",
            "show me",
            "give me",
            "list",
            "show",
            "i want to know",
            "i would like to know",
            "i would love to know",
            "i would like",
            "do you know",
            "i wonder",
            "i was wondering",
            "any idea",
            "remind me",
            "btw",
            "by the way",
            "and",
            "also",
            "hey there",
            "hi there",
            "good morning",
            "good afternoon",
            "thanks",
            "dear");
    private static final List<List<String>> TRAILING = longestFirst(
            "please",
            "thanks",
            "thank you",
            "cheers",
            "for me",
            "drumbeat",
            ",",
            "if you can",
            "if possible",
            "right now",
            "at the moment",
            "currently",
            "today",
            "these days",
            "lately",
            "now",
            "this week",
            "then",
            "again",
            "for us",
            "mate");

    private QuestionFillers() {}

    static List<QuestionToken> trim(List<QuestionToken> tokens) {
        int start = 0;
        int end = tokens.size();
        boolean trimmed = true;
        while (trimmed && start < end) {
            int leading = longestMatchAt(tokens, start, end, LEADING, true);
            int trailing = longestMatchAt(tokens, start, end, TRAILING, false);
            start += leading;
            end -= Math.min(trailing, end - start);
            trimmed = leading + trailing > 0;
        }
        return tokens.subList(start, end);
    }

    /** How many tokens a filler covers at the start (or end) of tokens[start, end); 0 if none. */
    private static int longestMatchAt(
            List<QuestionToken> tokens, int start, int end, List<List<String>> fillers, boolean atStart) {
        for (List<String> filler : fillers) {
            int size = filler.size();
            if (size <= end - start && matches(tokens, atStart ? start : end - size, filler)) {
                return size;
            }
        }
        return 0;
    }

    private static boolean matches(List<QuestionToken> tokens, int from, List<String> filler) {
        for (int i = 0; i < filler.size(); i++) {
            if (!tokens.get(from + i).canonical().equals(filler.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static List<List<String>> longestFirst(String... fillers) {
        return Arrays.stream(fillers)
                .map(filler -> List.of(filler.split(" ")))
                .sorted(Comparator.comparingInt((List<String> words) -> words.size())
                        .reversed())
                .toList();
    }
}
