package dev.drumbeat.ask.question;

import dev.drumbeat.core.ServiceMatcher;
import dev.drumbeat.core.ServiceMatcher.Ambiguous;
import dev.drumbeat.core.ServiceMatcher.Candidate;
import dev.drumbeat.core.ServiceMatcher.Found;
import dev.drumbeat.core.ServiceMatcher.Match;
import dev.drumbeat.core.ServiceMatcher.NotFound;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns a name as typed in a question into a catalog key with {@link ServiceMatcher}'s forgiving
 * rules. Question wording wraps names ("the payments api right now", "the cloud migration
 * programme"), so the name is tried without its article and time words, then as typed, then without a
 * trailing generic noun ("service", "programme"); the first that fits anything decides. A name that
 * fits several candidates or none is refused with a sentence naming them. Immutable and thread-safe.
 */
final class QuestionNames {

    private static final Pattern ARTICLE = Pattern.compile("(?i)^(?:the|our|my|this|that|a|an)(?:\\s+|$)");
    private static final Pattern TIME =
            Pattern.compile("(?i)\\s+(?:right now|at the moment|currently|today|these days|lately|now|this week)$");
    private static final Pattern GENERIC_NOUN = Pattern.compile(
            "(?i)\\s+(?:service|services|system|app|application|platform|programme|program|project|initiative"
                    + "|workstream|work|rollout)$");

    /** Words too common in names to say that a question named one. */
    private static final Set<String> COMMON_WORDS = Set.of(
            "and",
            "the",
            "for",
            "service",
            "services",
            "system",
            "systems",
            "app",
            "application",
            "platform",
            "programme",
            "program",
            "project",
            "initiative",
            "management",
            "team",
            "new",
            "old",
            "data");

    private final ServiceMatcher.Index candidates;
    private final Map<String, String> names = new HashMap<>();
    private final Set<String> words = new HashSet<>();
    private final String kind;

    /** {@code kind} names what the candidates are, with its article: "a service", "an initiative". */
    QuestionNames(List<Candidate> candidates, String kind) {
        this.candidates = ServiceMatcher.index(candidates);
        this.kind = kind;
        candidates.forEach(candidate -> names.putIfAbsent(candidate.key(), candidate.name()));
        candidates.forEach(
                candidate -> Stream.of(candidate.name().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                        .filter(word -> word.length() > 2 && !COMMON_WORDS.contains(word))
                        .forEach(words::add));
    }

    /**
     * Whether {@code word} (lower case) is one of the distinctive words of a name: "payments" of "Payments API", but
     * not "and" or "service".
     */
    boolean hasWord(String word) {
        return words.contains(word);
    }

    /** The name of the candidate with {@code key}, if there is one. */
    Optional<String> nameOf(String key) {
        return Optional.ofNullable(names.get(key));
    }

    /** Whether {@code typed} is no name at all, only an article ("the") or nothing. */
    static boolean isBlank(String typed) {
        return cleaned(typed).isBlank();
    }

    /** The key of the one candidate {@code typed} names, or a refusal saying who else it could be. */
    String keyOf(String typed) {
        Match match = bestMatch(typed);
        if (match instanceof Found found) {
            return found.candidate().key();
        }
        if (match instanceof Ambiguous ambiguous) {
            throw new QuestionRefusal("\"" + cleaned(typed) + "\" could be " + listed(ambiguous.candidates())
                    + ". Which one did you mean?");
        }
        throw new QuestionRefusal(notFound(typed, ((NotFound) match).suggestions()));
    }

    /** The key when {@code typed} names exactly one candidate; empty otherwise, refusing nothing. */
    Optional<String> keyIfFound(String typed) {
        Match match = bestMatch(typed);
        return match instanceof Found found ? Optional.of(found.candidate().key()) : Optional.empty();
    }

    /** The first of the unwrapped name, the name as typed and its bare form that matches anything. */
    private Match bestMatch(String typed) {
        String unwrapped = cleaned(typed);
        Match first = null;
        String bare = GENERIC_NOUN.matcher(unwrapped).replaceFirst("");
        for (String variant : new LinkedHashSet<>(List.of(unwrapped, typed.strip(), bare))) {
            Match match = candidates.match(variant);
            if (!(match instanceof NotFound)) {
                return match;
            }
            first = first == null ? match : first;
        }
        return first;
    }

    private static String cleaned(String typed) {
        return TIME.matcher(ARTICLE.matcher(typed.strip()).replaceFirst("")).replaceFirst("");
    }

    private String notFound(String typed, List<Candidate> suggestions) {
        String sentence = "I don't know " + kind + " called \"" + cleaned(typed) + "\".";
        return suggestions.isEmpty() ? sentence : sentence + " Did you mean " + listed(suggestions) + "?";
    }

    /** Each with its key, so two of one name can be told apart: "Payments Gateway (pay-gw)". */
    private static String listed(List<Candidate> candidates) {
        List<String> names =
                candidates.stream().map(c -> c.name() + " (" + c.key() + ")").toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
