package dev.drumbeat.core;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A service name, service key or typed query in the forms {@link ServiceMatcher} compares. People
 * type names in any case, spacing, accent and punctuation, so every comparison happens on these
 * forms and never on the raw text. All three come from one pass over the text because the whole
 * catalog is normalised on every lookup. Immutable and thread-safe.
 *
 * @param spaced  lower case, accents stripped, separators folded to one space ("identity & access")
 * @param compact only the letters and digits ("identityaccess")
 * @param words   the runs of letters and digits, one space apart ("identity access")
 */
record MatchableName(String spaced, String compact, String words) {

    private static final String QUOTES = "\"'`“”„‘’‚«»";

    static MatchableName of(String raw) {
        String text = raw == null ? "" : foldCaseAndAccents(raw);
        int start = 0;
        int end = text.length();
        while (start < end && isLeadingClutter(text.charAt(start))) {
            start++;
        }
        while (end > start && isTrailingClutter(text.charAt(end - 1))) {
            end--;
        }
        return split(text, start, end);
    }

    boolean isEmpty() {
        return compact.isEmpty();
    }

    /** Whether {@code word} is one of the words, whole ("bank" is not in "banking app"). */
    boolean hasWord(String word) {
        for (int at = words.indexOf(word); at >= 0; at = words.indexOf(word, at + 1)) {
            int after = at + word.length();
            if ((at == 0 || words.charAt(at - 1) == ' ') && (after == words.length() || words.charAt(after) == ' ')) {
                return true;
            }
        }
        return false;
    }

    /** Whether the name has two or more words whose initials spell {@code letters} ("crm"). */
    boolean hasInitialism(String letters) {
        int count = 0;
        for (int i = 0; i < words.length(); i++) {
            boolean startsWord = i == 0 || words.charAt(i - 1) == ' ';
            if (startsWord && (count >= letters.length() || letters.charAt(count++) != words.charAt(i))) {
                return false;
            }
        }
        return count == letters.length() && count >= 2;
    }

    private static MatchableName split(String text, int start, int end) {
        char[] spaced = new char[end - start];
        char[] compact = new char[end - start];
        char[] words = new char[end - start];
        int spacedLength = 0;
        int compactLength = 0;
        int wordsLength = 0;
        for (int i = start; i < end; i++) {
            char c = toLowerAscii(text.charAt(i));
            char before = i > start ? text.charAt(i - 1) : c;
            if (!isSeparator(c)) {
                spacedLength = appendAfterSpace(spaced, spacedLength, c, isSeparator(before));
            }
            if (Character.isLetterOrDigit(c)) {
                compact[compactLength++] = c;
                wordsLength = appendAfterSpace(words, wordsLength, c, !Character.isLetterOrDigit(before));
            }
        }
        return new MatchableName(
                new String(spaced, 0, spacedLength),
                new String(compact, 0, compactLength),
                new String(words, 0, wordsLength));
    }

    /** Appends {@code c}, after one space if it follows a gap mid-text, and answers the new length. */
    private static int appendAfterSpace(char[] out, int length, char c, boolean afterGap) {
        if (afterGap && length > 0) {
            out[length++] = ' ';
        }
        out[length++] = c;
        return length;
    }

    private static char toLowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    private static String foldCaseAndAccents(String raw) {
        if (isAscii(raw)) {
            return raw; // lower-cased while splitting, which saves a copy of every catalog name
        }
        String decomposed = Normalizer.normalize(raw, Normalizer.Form.NFKD);
        StringBuilder bare = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(c -> !isMark(c)).forEach(bare::appendCodePoint);
        return bare.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean isSeparator(char c) {
        return c == '-' || c == '_' || c == '.' || c == '/' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isLeadingClutter(char c) {
        return c == '#' || isTrailingClutter(c);
    }

    private static boolean isTrailingClutter(char c) {
        return isSeparator(c) || QUOTES.indexOf(c) >= 0;
    }
}
