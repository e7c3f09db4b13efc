package dev.drumbeat.ask.question;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a question into {@link QuestionToken}s. Chat punctuation and formatting go ("?", "*bold*",
 * quotes); commas between words become tokens of their own, since they separate names in a list,
 * while commas inside numbers stay ("120,000"); contractions become two words ("hasn't" is "has"
 * "not"; "payments's" is "payments" "'s"); "£2.5k/month" reads as "£2.5k per month" and "six-week"
 * as "six week". Stateless and thread-safe.
 */
final class QuestionTokenizer {

    private static final Pattern CLUTTER = Pattern.compile("[\"“”„«»`*~()\\[\\]{}?!;:]");
    private static final Pattern PER_SLASH =
            Pattern.compile("(?i)\\s*/\\s*(?=(?:month|mo|mth|quarter|qtr|q|year|yr|annum)\\b)");
    private static final Pattern COUNT_HYPHEN = Pattern.compile(
            "(?i)\\b(\\d+|" + QuestionNumbers.WORDS + ")-(?=(?:weeks?|months?|days?|wks?|quarters?)\\b)");
    private static final Pattern LOOSE_COMMA = Pattern.compile(",(?!\\d)|(?<!\\d),");
    private static final Pattern CONTRACTION =
            Pattern.compile("(?i)^([\\p{L}\\p{N}][\\p{L}\\p{N}_.&-]*)(n't|'s|'re|'ve|'ll|'d|'m)$");
    private static final Set<String> IS_BEFORE_S =
            Set.of("who", "what", "where", "how", "that", "there", "it", "here", "when", "which", "why");
    private static final Map<String, String> NOT_STEMS = Map.of("ca", "can", "wo", "will", "sha", "shall");
    private static final Map<String, String> SUFFIXES =
            Map.of("'re", "are", "'ve", "have", "'ll", "will", "'d", "would", "'m", "am");

    private QuestionTokenizer() {}

    static List<QuestionToken> tokenize(String text) {
        List<QuestionToken> tokens = new ArrayList<>();
        for (String piece : prepare(text).split("\\s+")) {
            addPiece(trimmed(piece), tokens);
        }
        return tokens;
    }

    private static String prepare(String text) {
        String straight = text.replace('’', '\'').replace('‘', '\'').replace('\u00A0', ' ');
        String uncluttered = CLUTTER.matcher(straight).replaceAll(" ");
        String perSlash = PER_SLASH.matcher(uncluttered).replaceAll(" per ");
        String counts = COUNT_HYPHEN.matcher(perSlash).replaceAll("$1 ");
        return LOOSE_COMMA.matcher(counts).replaceAll(" , ");
    }

    /** Without quoting apostrophes around it and full stops after it ("'payments'", "p.a."). */
    private static String trimmed(String piece) {
        int start = 0;
        int end = piece.length();
        while (start < end && piece.charAt(start) == '\'') {
            start++;
        }
        while (end > start && (piece.charAt(end - 1) == '.' || piece.charAt(end - 1) == '\'')) {
            end--;
        }
        return piece.substring(start, end);
    }

    private static void addPiece(String word, List<QuestionToken> tokens) {
        if (word.isEmpty()) {
            return;
        }
        Matcher contraction = CONTRACTION.matcher(word);
        if (contraction.matches()) {
            addContraction(contraction.group(1), contraction.group(2), tokens);
        } else {
            tokens.add(new QuestionToken(word, QuestionWords.canonical(word)));
        }
    }

    private static void addContraction(String base, String suffix, List<QuestionToken> tokens) {
        String lowerBase = base.toLowerCase(Locale.ROOT);
        String lowerSuffix = suffix.toLowerCase(Locale.ROOT);
        if (lowerSuffix.equals("n't")) {
            tokens.add(new QuestionToken(base, QuestionWords.canonical(NOT_STEMS.getOrDefault(lowerBase, lowerBase))));
            tokens.add(new QuestionToken(suffix, "not"));
            return;
        }
        tokens.add(new QuestionToken(base, QuestionWords.canonical(base)));
        if (lowerSuffix.equals("'s")) {
            tokens.add(new QuestionToken(suffix, IS_BEFORE_S.contains(lowerBase) ? "is" : "'s"));
        } else {
            tokens.add(new QuestionToken(suffix, SUFFIXES.get(lowerSuffix)));
        }
    }
}
