package dev.drumbeat.ask.question;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "without touching payments, CRM and the data warehouse" part of a deprioritisation question:
 * where it is, so the rest can be read for the amount, and which services or initiatives it names.
 * A comma always separates names; "and" and "or" do too, unless the whole phrase is itself one
 * name ("Backup and Recovery"). Immutable and thread-safe.
 */
final class QuestionExclusions {

    private static final Pattern LEAD = Pattern.compile("(?<![\\w'-])(?:without (?:touching|cutting|affecting|impacting"
            + "|dropping|hurting|losing|stopping|pausing)|without|but (?:keep|keeping|not|leave|leaving|protect"
            + "|protecting|spare|sparing|excluding|except(?: for)?)|and (?:keep|keeping|leave|protect|spare)"
            + "|while (?:keeping|protecting|sparing)|keeping|except(?: for)?|excluding|exclude|apart from|other than"
            + "|not touching|leaving|sparing|protecting|do not (?:touch|cut|drop|include|affect)|never touch|hands off"
            + "|leave|(?<=, )not)(?![\\w'-])");
    /** "…, fraud detection is off limits": the names come before the words that exclude them. */
    private static final Pattern POSTFIX = Pattern.compile("(?<![\\w'-])(?:is|are) (?:off limits|off-limits"
            + "|off the table|untouchable|out of bounds|sacred|not to be touched)(?![\\w'-])");

    private static final List<String> CLAUSE_BREAKS = List.of(" , ", " – ", " — ");
    private static final Pattern STOP = Pattern.compile(
            "(?<![\\w'-])(?:what|which|how|where|can we|could we|should we|to save|save|saving|[–—])(?![\\w'-])");
    private static final Pattern TAIL = Pattern.compile("(?: (?:alone|untouched|intact|safe|running|going|alive"
            + "|out of it|off the table|out of scope|as they are|as is|as it is))+$");
    private static final Pattern SEPARATOR =
            Pattern.compile("(?i) ?(?:,|(?<![\\w'-])(?:and|or|nor|plus|as well as)(?![\\w'-])) ?");

    /** The question without the exclusions, and the names they list as typed (possibly none). */
    record Split(QuestionText rest, List<String> typedNames) {}

    private QuestionExclusions() {}

    static Split split(QuestionText text) {
        String canonical = text.canonical();
        Matcher lead = LEAD.matcher(canonical);
        if (!lead.find()) {
            return postfix(text);
        }
        Matcher stop = STOP.matcher(canonical);
        int end = stop.find(lead.end()) ? stop.start() : canonical.length();
        String list = canonical.substring(lead.end(), end);
        Matcher tail = TAIL.matcher(list.stripTrailing());
        int listEnd =
                lead.end() + (tail.find() ? tail.start() : list.stripTrailing().length());
        return new Split(text.without(lead.start(), end), typedNames(text, lead.end(), listEnd));
    }

    /** "…, X and Y are off limits": the names from the clause break before the words to those words. */
    private static Split postfix(QuestionText text) {
        String canonical = text.canonical();
        Matcher postfix = POSTFIX.matcher(canonical);
        if (!postfix.find()) {
            return new Split(text, List.of());
        }
        int clause = -1;
        int width = 0;
        for (String clauseBreak : CLAUSE_BREAKS) {
            int at = canonical.lastIndexOf(clauseBreak, postfix.start());
            if (at > clause) {
                clause = at;
                width = clauseBreak.length();
            }
        }
        if (clause < 0) {
            return new Split(text, List.of());
        }
        int namesEnd = Math.max(clause + width, postfix.start() - 1);
        return new Split(text.without(clause, postfix.end()), typedNames(text, clause + width, namesEnd));
    }

    /** The keys of the typed names; each comma-separated part is one name if it is one, else split on "and"/"or". */
    static Set<String> keys(List<String> typedNames, QuestionNames names) {
        Set<String> keys = new LinkedHashSet<>();
        for (String typed : typedNames) {
            keys.addAll(keysOf(typed, names));
        }
        return keys;
    }

    private static List<String> keysOf(String part, QuestionNames names) {
        List<String> pieces = List.of(SEPARATOR.split(part));
        if (pieces.size() > 1) {
            Optional<String> whole = names.keyIfFound(part);
            if (whole.isPresent()) {
                return List.of(whole.get());
            }
        }
        return pieces.stream()
                .filter(piece -> !piece.isBlank())
                .map(names::keyOf)
                .toList();
    }

    /** The comma-separated parts of canonical()[start, end), as typed. */
    private static List<String> typedNames(QuestionText text, int start, int end) {
        List<String> parts = new ArrayList<>();
        int from = start;
        for (int comma = text.canonical().indexOf(',', from);
                comma >= 0 && comma < end;
                comma = text.canonical().indexOf(',', from)) {
            addPart(parts, text, from, comma);
            from = comma + 1;
        }
        addPart(parts, text, from, end);
        return parts;
    }

    private static void addPart(List<String> parts, QuestionText text, int start, int end) {
        String typed = start < end ? text.original(start, end).strip() : "";
        if (!typed.isEmpty()) {
            parts.add(typed);
        }
    }
}
