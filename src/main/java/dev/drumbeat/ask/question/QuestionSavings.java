package dev.drumbeat.ask.question;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "What can we deprioritise / cut / drop / pause / stop to save N [per period] [without touching
 * X, Y] [including strategic]?" Strategic wording is read and taken out first, then the exclusions,
 * then the amount from what is left, so names in either part never pass for amounts or periods.
 * A question that clearly asks for cuts but gives no usable amount is refused with a sentence
 * saying what to add; one that only mentions a cutting word ("stop") is left to other readers.
 * Immutable and thread-safe.
 */
final class QuestionSavings {

    private static final String B = "(?<![\\w'-])";
    private static final String E = "(?![\\w'-])";
    private static final String CUT_VERBS = "deprioritise|deprioritised|deprioritising|prioritise|descope|cut|drop"
            + "|pause|stop|shelve|defer|postpone|kill|trim|park|sunset|axe|ditch|scrap|retire|decommission"
            + "|turn off|switch off|scale back|wind down|give up|let go of|deprecate|lose|reduce";
    private static final String SAVE_WORDS = "save|saving|savings|free up|freeing up|frees up|claw back|find";
    private static final Pattern CUT = Pattern.compile(B + "(?:" + CUT_VERBS + ")" + E);
    private static final Pattern SAVE = Pattern.compile(B + "(?:" + SAVE_WORDS + ")" + E);
    private static final Pattern CLEARLY_ASKING = Pattern.compile(B + "(?:deprioritise|deprioritised|deprioritising"
            + "|descope|save|saving|savings|free up)" + E + "|" + B + "(?:can|could|should|shall|might|would|do|must)"
            + " (?:we|i)" + E + ".*" + B + "(?:" + CUT_VERBS + ")" + E);
    private static final String STRATEGIC =
            "(?:the |our |any |anything )?strategic(?: ones| services| items| initiatives" + "| work| stuff| things)?";
    private static final Pattern STRATEGIC_IN = Pattern.compile(",? ?" + B + "(?:(?:and |but )?(?:including|include"
            + "|even|also|plus|with|allowing|allow|consider|considering|counting|incl)(?: even)? " + STRATEGIC
            + "(?: too| as well| included)?|" + STRATEGIC + " (?:included|too|as well|allowed|count|can go"
            + "|are fair game|are on the table))" + E);
    private static final Pattern STRATEGIC_OUT = Pattern.compile(",? ?" + B + "(?:(?:and |but )?(?:not|excluding"
            + "|not including|not counting|not even|except|without touching|without|no|leave|leaving|keep|keeping"
            + "|sparing|protecting|protect|never|ignoring|ignore|skip|skipping|nothing|without touching anything"
            + "|not anything|leave anything|anything but) " + STRATEGIC
            + "(?: alone| untouched| out| intact)?"
            + "|" + B + "non-strategic)" + E);

    private final QuestionNames servicesAndInitiatives;
    private final QuestionNames owners;
    private final QuestionScopes scopes;
    private final QuestionPremises premises;

    QuestionSavings(QuestionNames servicesAndInitiatives, QuestionNames owners) {
        this.servicesAndInitiatives = servicesAndInitiatives;
        this.owners = owners;
        this.scopes = new QuestionScopes(owners);
        this.premises = new QuestionPremises(servicesAndInitiatives);
    }

    /**
     * Each part of the question takes the words it understood, in an order that keeps one part's words from passing
     * for another's: a what-if premise ("if we pause X"), the strategic tier, limits on what may be picked, the
     * exclusions, then the amount with its period and currency. What is left is the question's frame or is said back:
     * see {@link QuestionLeftovers}.
     */
    Optional<Question> read(QuestionText text, Optional<LocalDate> today) {
        String canonical = text.canonical();
        if (!CUT.matcher(canonical).find() && !SAVE.matcher(canonical).find()) {
            return Optional.empty();
        }
        QuestionPremises.Taken premise = premises.take(text);
        QuestionText rest = without(premise.rest(), STRATEGIC_OUT);
        Matcher strategic = STRATEGIC_IN.matcher(rest.canonical());
        boolean includeStrategic = strategic.find();
        if (includeStrategic) {
            rest = rest.without(strategic.start(), strategic.end());
        }
        QuestionScopes.Taken scope = scopes.take(rest);
        List<String> typedNames = new ArrayList<>();
        rest = scope.rest();
        for (QuestionExclusions.Split split = QuestionExclusions.split(rest);
                !split.rest().canonical().equals(rest.canonical());
                split = QuestionExclusions.split(rest)) {
            typedNames.addAll(split.typedNames());
            rest = split.rest();
        }
        AmountParse amount = amountIn(rest.canonical(), today);
        if (!(amount instanceof AmountParse.Found found)) {
            return withoutAmount(amount, canonical);
        }
        Set<String> excluded = QuestionExclusions.keys(typedNames, servicesAndInitiatives);
        QuestionLeftovers.Runs left = QuestionLeftovers.of(
                rest.without(found.used()),
                this::nameIn,
                word -> servicesAndInitiatives.hasWord(word) || owners.hasWord(word));
        Question.Deprioritise question = new Question.Deprioritise(
                found.amount(),
                excluded,
                includeStrategic || scope.scope().tiers().contains("strategic"),
                scope.scope(),
                premise.keys(),
                left.setAside());
        return Optional.of(left.limiting().isEmpty() ? question : new Question.Unclear(question, left.limiting()));
    }

    /** The key of a service, initiative or owner {@code typed} names, if it names one. */
    private Optional<String> nameIn(String typed) {
        return QuestionNames.isBlank(typed)
                ? Optional.empty()
                : servicesAndInitiatives.keyIfFound(typed).or(() -> owners.keyIfFound(typed));
    }

    /** No usable amount: refused if the question had one or clearly wanted one, else not this question. */
    private static Optional<Question> withoutAmount(AmountParse amount, String canonical) {
        if (amount instanceof AmountParse.Refused refused) {
            throw new QuestionRefusal(refused.reason());
        }
        if (CLEARLY_ASKING.matcher(canonical).find()) {
            throw new QuestionRefusal(
                    "Say how much to save, for example \"what can we deprioritise to save 50k a month\".");
        }
        return Optional.empty();
    }

    /** The amount after the word for saving, or anywhere if there is none ("what can we cut by 50k"). */
    private static AmountParse amountIn(String canonical, Optional<LocalDate> today) {
        Matcher save = SAVE.matcher(canonical);
        if (save.find()) {
            AmountParse afterSaving = AmountParser.find(canonical, save.end(), today);
            if (!(afterSaving instanceof AmountParse.Absent)) {
                return afterSaving;
            }
        }
        return AmountParser.find(canonical, 0, today);
    }

    private static QuestionText without(QuestionText text, Pattern phrase) {
        Matcher found = phrase.matcher(text.canonical());
        return found.find() ? text.without(found.start(), found.end()) : text;
    }
}
