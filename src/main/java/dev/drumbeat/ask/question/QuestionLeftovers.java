package dev.drumbeat.ask.question;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a reading left of a question, after each of its parts took the words it understood: the words of the
 * question's frame ("what can we cut to save") are known and go, and every other word is kept, in runs as typed.
 * A run that could limit the answer (a negation, "only", "keep", "leave", a number, a period, a currency, a tier or
 * a name Drumbeat knows) is <em>limiting</em>: answering without it would be silently wrong, so the question is asked
 * back. Any other run is <em>set aside</em> and said back with the reading. So no word of a question is ever dropped
 * unseen. Stateless and thread-safe.
 */
final class QuestionLeftovers {

    /** The runs of words left over, as typed: those that could limit the answer, and the rest. */
    record Runs(List<String> limiting, List<String> setAside) {
        Runs {
            limiting = List.copyOf(limiting);
            setAside = List.copyOf(setAside);
        }
    }

    private static final String B = "(?<![\\w'-])";
    private static final String E = "(?![\\w'-])";

    /** Phrases of the deprioritisation question's frame, taken out before single words are looked at. */
    private static final Pattern FRAME = Pattern.compile(B + "(?:turn off|switch off|scale back|wind down|give up"
            + "|let go of|free up|freeing up|frees up|claw back|in order to|so (?:that )?we (?:can|could)|how much"
            + "|at least|at a minimum|or so|or more|give or take|more or less|what else|anything else|is there"
            + "|are there|what are|what is|what would|which ones|the best|our best|good candidates?|options? for"
            + "|ideas? for|help me|help us|if (?:we|i) (?:need|needed|want|wanted|have|had|are|were|must|would like|would have)(?: to)?|going forward"
            + "|(?:the )?(?:cheapest|best|easiest|least painful|smartest|quickest) ways? (?:to|of)|live without|do without"
            + "|get rid of|across the (?:board|portfolio|estate))" + E);

    /** Words of the frame: question words, the verbs for cutting and saving, and light words around them. */
    private static final Set<String> FRAME_WORDS = Set.of(
            "what",
            "which",
            "where",
            "how",
            "who",
            "can",
            "could",
            "should",
            "shall",
            "might",
            "may",
            "would",
            "will",
            "do",
            "does",
            "did",
            "must",
            "we",
            "i",
            "us",
            "our",
            "you",
            "me",
            "to",
            "the",
            "a",
            "an",
            "some",
            "any",
            "anything",
            "something",
            "stuff",
            "things",
            "thing",
            "items",
            "item",
            "ones",
            "one",
            "work",
            "projects",
            "project",
            "programmes",
            "services",
            "service",
            "initiatives",
            "initiative",
            "candidates",
            "be",
            "is",
            "are",
            "was",
            "were",
            "been",
            "need",
            "needs",
            "have",
            "has",
            "had",
            "want",
            "wants",
            "get",
            "go",
            "it",
            "that",
            "this",
            "these",
            "those",
            "them",
            "they",
            "there",
            "of",
            "for",
            "in",
            "on",
            "by",
            "and",
            "or",
            ",",
            "else",
            "more",
            "most",
            "much",
            "money",
            "cash",
            "budget",
            "spend",
            "spending",
            "cost",
            "costs",
            "margin",
            "overhead",
            "overheads",
            "run",
            "rate",
            "deprioritise",
            "deprioritised",
            "deprioritising",
            "prioritise",
            "descope",
            "cut",
            "cuts",
            "cutting",
            "drop",
            "dropping",
            "pause",
            "pausing",
            "stop",
            "stopping",
            "shelve",
            "defer",
            "postpone",
            "kill",
            "trim",
            "park",
            "sunset",
            "axe",
            "ditch",
            "scrap",
            "retire",
            "decommission",
            "deprecate",
            "lose",
            "reduce",
            "reducing",
            "save",
            "saving",
            "savings",
            "find",
            "reach",
            "hit",
            "meet",
            "target",
            "goal",
            "total",
            "overall",
            "about",
            "around",
            "roughly",
            "approximately",
            "approx",
            "circa",
            "ish",
            "possibly",
            "realistically",
            "safely",
            "best",
            "suggest",
            "recommend",
            "recommendation",
            "recommendations",
            "propose",
            "options",
            "option",
            "ideas",
            "list",
            "show",
            "tell",
            "give",
            "consider",
            "look",
            "at",
            "up",
            "also",
            "too",
            "please",
            "now",
            "today",
            "so",
            "then",
            "we've",
            "got",
            "able",
            "afford",
            "portfolio",
            "catalog",
            "catalogue",
            "from",
            "–",
            "—",
            "-",
            "goes",
            "going",
            "gone",
            "first",
            "across",
            "way",
            "ways");

    /** Words that limit, or say what to keep, whenever they are said. */
    private static final Set<String> LIMITING_WORDS = Set.of(
            "not",
            "no",
            "never",
            "nothing",
            "none",
            "nor",
            "neither",
            "without",
            "except",
            "excepting",
            "excluding",
            "exclude",
            "excluded",
            "only",
            "just",
            "solely",
            "purely",
            "exclusively",
            "keep",
            "keeping",
            "kept",
            "protect",
            "protecting",
            "protected",
            "leave",
            "leaving",
            "spare",
            "sparing",
            "preserve",
            "preserving",
            "off",
            "limits",
            "limit",
            "limited",
            "restrict",
            "restricted",
            "untouchable",
            "untouched",
            "touch",
            "touching",
            "alone",
            "sacred",
            "safe",
            "unless",
            "if",
            "assuming",
            "provided",
            "suppose",
            "supposing",
            "given",
            "once",
            "when",
            "but",
            "besides",
            "other",
            "than",
            "ignore",
            "ignoring",
            "skip",
            "skipping",
            "avoid",
            "avoiding",
            "exempt",
            "hands",
            "instead",
            "rather",
            "before",
            "after",
            "until",
            "till",
            "within",
            "over",
            "per",
            "each",
            "every",
            "strategic",
            "core",
            "secondary",
            "tier",
            "team",
            "teams",
            "owned",
            "owner",
            "owners",
            "owns",
            "'s",
            "mine",
            "yours",
            "his",
            "her",
            "their",
            "less",
            "fewer",
            "under",
            "below",
            "above",
            "max",
            "maximum",
            "minimum",
            "min",
            "percent",
            "day",
            "days",
            "daily",
            "week",
            "weeks",
            "weekly",
            "fortnight",
            "fortnightly",
            "month",
            "months",
            "monthly",
            "quarter",
            "quarters",
            "quarterly",
            "year",
            "years",
            "yearly",
            "annual",
            "annually",
            "annum",
            "half",
            "usd",
            "eur",
            "gbp",
            "euro",
            "euros",
            "dollar",
            "dollars",
            "pound",
            "pounds",
            "quid",
            "bucks",
            "yen",
            "prefer",
            "preferably",
            "ideally",
            "mostly",
            "mainly",
            "primarily",
            "especially",
            "particularly",
            "focus",
            "focusing",
            "small",
            "smaller",
            "smallest",
            "big",
            "bigger",
            "biggest",
            "large",
            "largest",
            "cheap",
            "cheaper",
            "cheapest",
            "expensive",
            "low",
            "lowest",
            "high",
            "highest",
            "quick",
            "quickest",
            "easy",
            "easiest",
            "least",
            "fewest",
            "minimal",
            "risk",
            "risky",
            "critical",
            "important",
            "essential",
            "customer",
            "customers",
            "facing",
            "regulatory",
            "compliance",
            "legal",
            "security",
            "revenue");

    private static final Pattern NUMBER_LIKE = Pattern.compile(".*(?:\\d|[$€£¥%]|<@).*");

    private QuestionLeftovers() {}

    /**
     * The runs of {@code rest}'s words that are not the frame's. A run is limiting if one of its words is, or if it
     * names something Drumbeat knows: {@code isName} says whether a whole run names a service, initiative or owner,
     * {@code isNameWord} whether one word is a word of such a name ("payments" in "payments stays").
     */
    static Runs of(QuestionText rest, Function<String, Optional<String>> isName, Predicate<String> isNameWord) {
        QuestionText unframed = withoutFrame(rest);
        List<QuestionToken> tokens = unframed.tokens();
        List<String> limiting = new ArrayList<>();
        List<String> setAside = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            if (FRAME_WORDS.contains(tokens.get(i).canonical())) {
                i++;
                continue;
            }
            int end = runEnd(tokens, i);
            List<QuestionToken> run = trimmedOfFrame(tokens.subList(i, end));
            String typed =
                    String.join(" ", run.stream().map(QuestionToken::original).toList());
            boolean limits = run.stream().anyMatch(QuestionLeftovers::isLimiting)
                    || isName.apply(typed).isPresent()
                    || run.stream().anyMatch(t -> isNameWord.test(t.canonical()));
            (limits ? limiting : setAside).add(typed);
            i = end;
        }
        return new Runs(limiting, setAside);
    }

    /** Where the run starting at {@code start} ends: at a word that was not next to the one before it when asked. */
    private static int runEnd(List<QuestionToken> tokens, int start) {
        int end = start + 1;
        while (end < tokens.size()
                && tokens.get(end).position() == tokens.get(end - 1).position() + 1) {
            end++;
        }
        return end;
    }

    /** A run without frame words at its ends: "for the board" stays whole, "the" alone around it goes. */
    private static List<QuestionToken> trimmedOfFrame(List<QuestionToken> run) {
        int end = run.size();
        while (end > 1 && FRAME_WORDS.contains(run.get(end - 1).canonical())) {
            end--;
        }
        return run.subList(0, end);
    }

    private static boolean isLimiting(QuestionToken token) {
        String word = token.canonical();
        return LIMITING_WORDS.contains(word)
                || NUMBER_LIKE.matcher(word).matches()
                || QuestionNumbers.valueOf(word).isPresent() && !word.equals("a") && !word.equals("an");
    }

    private static QuestionText withoutFrame(QuestionText text) {
        QuestionText rest = text;
        for (Matcher frame = FRAME.matcher(rest.canonical()); frame.find(); frame = FRAME.matcher(rest.canonical())) {
            rest = rest.without(frame.start(), frame.end());
        }
        return rest;
    }
}
