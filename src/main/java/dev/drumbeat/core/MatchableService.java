package dev.drumbeat.core;

import dev.drumbeat.core.ServiceMatcher.Candidate;

/**
 * One catalog entry with its key and name already normalised, so each matching rule is a cheap
 * comparison. {@code position} is the entry's place in the catalog and breaks ties, keeping
 * answers deterministic. Immutable and thread-safe.
 */
record MatchableService(int position, Candidate candidate, MatchableName key, MatchableName name) {

    /** Typo tolerance is meaningless for shorter words ("app", "api"), so they are never typo targets. */
    private static final int SHORTEST_TYPO_WORD = 4;

    static MatchableService of(int position, Candidate candidate) {
        return new MatchableService(
                position, candidate, MatchableName.of(candidate.key()), MatchableName.of(candidate.name()));
    }

    boolean isNamedExactly(MatchableName typed) {
        return key.spaced().equals(typed.spaced()) || name.spaced().equals(typed.spaced());
    }

    boolean isNamedIgnoringSpaces(MatchableName typed) {
        return key.compact().equals(typed.compact()) || name.compact().equals(typed.compact());
    }

    boolean hasInitialism(MatchableName typed) {
        return name.hasInitialism(typed.compact());
    }

    boolean startsWith(MatchableName typed) {
        return name.compact().startsWith(typed.compact()) || key.compact().startsWith(typed.compact());
    }

    boolean containsAllWords(String[] typedWords) {
        for (String word : typedWords) {
            if (!name.hasWord(word) && !key.hasWord(word)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The fewest edits from what was typed to the start of the name or key, or to any one of their
     * words ("setlment" to "settlement"); {@code max + 1} when all are further than {@code max}.
     */
    int typoDistance(String typed, int max) {
        int best = EditDistance.toPrefix(typed, name.compact(), max);
        if (!key.compact().equals(name.compact())) {
            best = Math.min(best, EditDistance.toPrefix(typed, key.compact(), Math.min(best, max)));
        }
        best = Math.min(best, closestWord(typed, name.words(), Math.min(best, max)));
        if (!key.words().equals(name.words())) {
            best = Math.min(best, closestWord(typed, key.words(), Math.min(best, max)));
        }
        return best;
    }

    private static int closestWord(String typed, String words, int max) {
        int best = max + 1;
        int start = 0;
        while (start < words.length()) {
            int end = words.indexOf(' ', start);
            end = end < 0 ? words.length() : end;
            int length = end - start;
            if (length >= SHORTEST_TYPO_WORD && Math.abs(length - typed.length()) <= Math.min(best, max)) {
                best = Math.min(best, EditDistance.between(typed, words.substring(start, end), Math.min(best, max)));
            }
            start = end + 1;
        }
        return best;
    }
}
