package dev.drumbeat.ask.question;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A what-if premise in a deprioritisation question: "if we pause the cloud migration, what else can we cut to save
 * 50k", "assuming CRM is stopped". What it names is supposed stopped, so its saving counts towards the target before
 * anything else is picked. A premise of another kind ("if we finish X", "if X is delayed") is not taken, and its
 * "if" is left for {@link QuestionLeftovers} to ask back. Immutable and thread-safe.
 */
final class QuestionPremises {

    /** The keys supposed stopped, and the question without the premise. */
    record Taken(Set<String> keys, QuestionText rest) {}

    private static final String B = "(?<![\\w'-])";
    private static final String IF = "(?:if|assuming|suppose|supposing|say|given|once|provided)(?: that)?";
    private static final String STOP_VERB = "(?:pause|stop|drop|cancel|shelve|kill|cut|defer|postpone|park|scrap|end"
            + "|retire|decommission|sunset|deprioritise|switch off|turn off|wind down)";
    private static final String STOPPED = "(?:paused|stopped|dropped|cancelled|shelved|killed|cut|deferred|postponed"
            + "|parked|scrapped|retired|decommissioned|sunset|deprioritised|switched off|turned off|wound down)";
    /** Where the named thing ends: the clause break or the question that follows the premise. */
    private static final String UNTIL = "(?= , | – | — | then | what | which | how | can | could | should | where"
            + " | to save | save | and save |$)";

    private static final List<Pattern> SHAPES = List.of(
            Pattern.compile(B + IF + "(?: we| i)? " + STOP_VERB + " (?<what>.+?)" + UNTIL),
            Pattern.compile(B + IF + " (?<what>.+?) (?:(?:is|are|gets|get|were|was|has been|have been) " + STOPPED
                    + "|stops|pauses|ends|halts|shuts down|winds down)(?![\\w'-])"));

    private final QuestionNames servicesAndInitiatives;

    QuestionPremises(QuestionNames servicesAndInitiatives) {
        this.servicesAndInitiatives = servicesAndInitiatives;
    }

    Taken take(QuestionText text) {
        for (Pattern shape : SHAPES) {
            Matcher premise = shape.matcher(text.canonical());
            if (premise.find()) {
                String typed = text.original(premise.start("what"), premise.end("what"));
                Set<String> keys = QuestionExclusions.keys(List.of(typed), servicesAndInitiatives);
                return new Taken(keys, text.without(premise.start(), premise.end()));
            }
        }
        return new Taken(Set.of(), text);
    }
}
