package dev.drumbeat.ask.question;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The canonical form of one typed word: US spellings as UK ones ("deprioritize"), chat shorthand
 * spelled out ("whats", "pls"), and a slip in one of the question's keywords put right
 * ("deprioratise", "owener", "escalatd"). Only unknown words are corrected, only towards keywords,
 * and only when one keyword is clearly closest, so ordinary words keep their meaning.
 * Stateless and thread-safe.
 */
final class QuestionWords {

    private static final Map<String, String> SPELLINGS = Map.ofEntries(
            Map.entry("deprioritize", "deprioritise"),
            Map.entry("deprioritized", "deprioritised"),
            Map.entry("deprioritizing", "deprioritising"),
            Map.entry("de-prioritise", "deprioritise"),
            Map.entry("de-prioritize", "deprioritise"),
            Map.entry("prioritize", "prioritise"),
            Map.entry("prioritized", "prioritised"),
            Map.entry("program", "programme"),
            Map.entry("programs", "programmes"),
            Map.entry("annualized", "annualised"),
            Map.entry("deputize", "deputise"),
            Map.entry("deputizes", "deputises"),
            Map.entry("check-in", "checkin"),
            Map.entry("check-ins", "checkins"),
            Map.entry("back-up", "backup"),
            Map.entry("okay", "ok"),
            Map.entry("whom", "who"),
            Map.entry("whats", "what is"),
            Map.entry("whos", "who is"),
            Map.entry("wheres", "where is"),
            Map.entry("hows", "how is"),
            Map.entry("thats", "that is"),
            Map.entry("isnt", "is not"),
            Map.entry("hasnt", "has not"),
            Map.entry("havent", "have not"),
            Map.entry("didnt", "did not"),
            Map.entry("doesnt", "does not"),
            Map.entry("dont", "do not"),
            Map.entry("arent", "are not"),
            Map.entry("cant", "can not"),
            Map.entry("cannot", "can not"),
            Map.entry("wat", "what"),
            Map.entry("wot", "what"),
            Map.entry("hwo", "who"),
            Map.entry("teh", "the"),
            Map.entry("u", "you"),
            Map.entry("pls", "please"),
            Map.entry("plz", "please"),
            Map.entry("thx", "thanks"),
            Map.entry("ty", "thanks"),
            Map.entry("@drumbeat", "drumbeat"),
            Map.entry("incl", "including"),
            Map.entry("w/o", "without"));

    /** Words the patterns look for, which a slip is corrected towards. Ties are refused, so order is moot. */
    private static final Set<String> KEYWORDS = Set.of(
            "deprioritise",
            "deprioritised",
            "deprioritising",
            "prioritise",
            "programme",
            "programmes",
            "initiative",
            "initiatives",
            "project",
            "escalate",
            "escalated",
            "escalation",
            "escalations",
            "ownerless",
            "orphaned",
            "orphans",
            "unowned",
            "owner",
            "owners",
            "responsible",
            "accountable",
            "charge",
            "deputy",
            "deputise",
            "deputises",
            "backup",
            "covering",
            "status",
            "health",
            "healthy",
            "doing",
            "stale",
            "checked",
            "checkin",
            "checkins",
            "overdue",
            "margin",
            "margins",
            "negative",
            "money",
            "losing",
            "unprofitable",
            "expensive",
            "biggest",
            "largest",
            "highest",
            "costs",
            "spend",
            "spending",
            "drivers",
            "monthly",
            "quarter",
            "quarterly",
            "annually",
            "yearly",
            "annual",
            "month",
            "months",
            "weeks",
            "million",
            "thousand",
            "billion",
            "percent",
            "strategic",
            "including",
            "include",
            "without",
            "touching",
            "except",
            "excluding",
            "keeping",
            "sparing",
            "protecting",
            "delayed",
            "slips",
            "slipped",
            "slipping",
            "postponed",
            "fortnight",
            "saving",
            "savings",
            "which",
            "where",
            "please",
            "thanks",
            "drumbeat",
            "service",
            "services",
            "happens",
            "happen",
            "what",
            "owns",
            "unit",
            "cost",
            "help",
            "stop",
            "drop",
            "save",
            "week",
            "slip");

    /** Real words close to a keyword, left alone. */
    private static final Set<String> ORDINARY = Set.of(
            "protect",
            "protects",
            "protected",
            "state",
            "stage",
            "scale",
            "stable",
            "other",
            "others",
            "lower",
            "power",
            "worth",
            "saved",
            "saves",
            "delay",
            "delays",
            "later",
            "spent",
            "spends",
            "costing",
            "costly",
            "owned",
            "owning",
            "going",
            "looking",
            "there",
            "these",
            "those",
            "weekly",
            "using",
            "users",
            "units",
            "helps",
            "stops",
            "drops",
            "pause",
            "paused",
            "cover",
            "covers",
            "check",
            "checks",
            "whose",
            "quarters",
            "years",
            "daily",
            "deputies",
            "cutting",
            "dropping",
            "course",
            "source",
            "close",
            "drive",
            "drives",
            "driven",
            "driving",
            "speed",
            "right",
            "night",
            "light",
            "might",
            "eight",
            "three",
            "seven",
            "includes",
            "included",
            "excludes",
            "excluded",
            "happened",
            "slides");

    private QuestionWords() {}

    static String canonical(String typed) {
        String word = typed.toLowerCase(Locale.ROOT);
        String spelled = SPELLINGS.get(word);
        if (spelled != null) {
            return spelled;
        }
        if (!word.chars().allMatch(Character::isLetter) || ORDINARY.contains(word) || KEYWORDS.contains(word)) {
            return word;
        }
        return closestKeyword(word);
    }

    /** The one keyword nearest {@code word} within its allowance, or the word itself. */
    private static String closestKeyword(String word) {
        int allowed = allowedSlips(word.length());
        TreeMap<Integer, List<String>> byDistance = KEYWORDS.stream()
                .filter(keyword -> Math.abs(keyword.length() - word.length()) <= allowed)
                .collect(Collectors.groupingBy(keyword -> slips(word, keyword), TreeMap::new, Collectors.toList()));
        Map.Entry<Integer, List<String>> nearest = byDistance.firstEntry();
        if (nearest == null || nearest.getKey() > allowed || nearest.getValue().size() > 1) {
            return word;
        }
        String keyword = nearest.getValue().get(0);
        return word.length() > 4 || isSwap(word, keyword) ? keyword : word;
    }

    /** One slip from five letters, two from nine; four-letter words only forgive swapped neighbours. */
    private static int allowedSlips(int length) {
        return length >= 9 ? 2 : length >= 4 ? 1 : 0;
    }

    private static boolean isSwap(String word, String keyword) {
        return keyword.length() == word.length()
                && !keyword.equals(word)
                && sortedLetters(keyword).equals(sortedLetters(word));
    }

    private static String sortedLetters(String word) {
        char[] letters = word.toCharArray();
        Arrays.sort(letters);
        return new String(letters);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swapped neighbours. */
    private static int slips(String a, String b) {
        int[][] table = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                table[i][j] = i == 0 || j == 0 ? i + j : cell(table, a, b, i, j);
            }
        }
        return table[a.length()][b.length()];
    }

    private static int cell(int[][] table, String a, String b, int i, int j) {
        int substitution = table[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        int best = Math.min(substitution, Math.min(table[i - 1][j], table[i][j - 1]) + 1);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
            best = Math.min(best, table[i - 2][j - 2] + 1);
        }
        return best;
    }
}
