package dev.drumbeat.ask.question;

import java.time.LocalDate;
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
    private static final Pattern RESTRICTION = Pattern.compile(B + "(?:(?:from |among |in )?(?:the )?(?:[a-z-]+ )?"
            + "(?:services|initiatives|ones|items|tier)? ?only|only (?:the )?[a-z-]+(?: [a-z-]+)?|just (?:the )?"
            + "(?:services|initiatives|secondary|core|[a-z-]+ services|[a-z-]+ initiatives)|(?:if|when|once|assuming"
            + "|provided|supposing) (?:we |that we )?(?:pause|stop|drop|cancel|delay|cut|finish|kill|end) .+"
            + "|assuming .+)" + E);
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

    QuestionSavings(QuestionNames servicesAndInitiatives) {
        this.servicesAndInitiatives = servicesAndInitiatives;
    }

    Optional<Question> read(QuestionText text, Optional<LocalDate> today) {
        String canonical = text.canonical();
        if (!CUT.matcher(canonical).find() && !SAVE.matcher(canonical).find()) {
            return Optional.empty();
        }
        QuestionText withoutExcluded = without(text, STRATEGIC_OUT);
        Matcher strategic = STRATEGIC_IN.matcher(withoutExcluded.canonical());
        boolean includeStrategic = strategic.find();
        QuestionExclusions.Split exclusions = QuestionExclusions.split(
                includeStrategic ? withoutExcluded.without(strategic.start(), strategic.end()) : withoutExcluded);
        AmountParse amount = amountIn(exclusions.rest().canonical(), today);
        if (amount instanceof AmountParse.Found) {
            refuseRestrictions(exclusions.rest());
        }
        if (amount instanceof AmountParse.Found found) {
            Set<String> excluded = QuestionExclusions.keys(exclusions.typedNames(), servicesAndInitiatives);
            return Optional.of(new Question.Deprioritise(found.amount(), excluded, includeStrategic));
        }
        return withoutAmount(amount, canonical);
    }

    /**
     * A restriction on what may be picked ("secondary services only", "only initiatives", "if we pause the cloud
     * migration") is not something the advisor can honour yet; answering as if it were not there would be silently
     * wrong, so the question is declined, quoting it.
     */
    private static void refuseRestrictions(QuestionText rest) {
        Matcher restriction = RESTRICTION.matcher(rest.canonical());
        if (restriction.find()) {
            String said = rest.original(restriction.start(), restriction.end()).strip();
            throw new QuestionRefusal("I can't yet limit the picks the way \"" + said + "\" asks, and won't answer as"
                    + " if you hadn't said it. Ask without it, or leave things out with \"without touching …\".");
        }
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
