package dev.drumbeat.ask.question;

import java.util.Map;
import java.util.OptionalInt;

/** Small counts written as words ("six weeks", "a million"), as people type them in chat. Thread-safe. */
final class QuestionNumbers {

    /** The words, longest first, ready to drop into a regular expression. */
    static final String WORDS =
            "a couple of|couple of|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";

    private static final Map<String, Integer> VALUES = Map.ofEntries(
            Map.entry("a", 1),
            Map.entry("an", 1),
            Map.entry("one", 1),
            Map.entry("a couple of", 2),
            Map.entry("couple of", 2),
            Map.entry("two", 2),
            Map.entry("three", 3),
            Map.entry("four", 4),
            Map.entry("five", 5),
            Map.entry("six", 6),
            Map.entry("seven", 7),
            Map.entry("eight", 8),
            Map.entry("nine", 9),
            Map.entry("ten", 10),
            Map.entry("eleven", 11),
            Map.entry("twelve", 12));

    private QuestionNumbers() {}

    /** The count a word or digits stand for; empty for anything else (or digits too big for a count). */
    static OptionalInt valueOf(String countWord) {
        Integer word = VALUES.get(countWord);
        if (word != null) {
            return OptionalInt.of(word);
        }
        if (countWord.matches("\\d{1,6}")) {
            return OptionalInt.of(Integer.parseInt(countWord));
        }
        return OptionalInt.empty();
    }
}
