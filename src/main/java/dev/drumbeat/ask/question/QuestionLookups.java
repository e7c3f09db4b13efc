package dev.drumbeat.ask.question;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Questions about one service: who owns it, who deputises, how it is doing, what a unit costs.
 * Each kind has a few sentence shapes over the canonical words, with the service name in the
 * {@code name} group; the name as typed goes to the catalog. The deputy comes before the owner
 * because "who is the deputy owner of X" names both. Immutable and thread-safe.
 */
final class QuestionLookups {

    private record Lookup(Pattern shape, Function<String, Question> question) {}

    private static final String NAME = "(?<name>.+?)";
    /** A name in a shape that starts with it, so it may not start with a question word. */
    private static final String LEADING_NAME =
            "(?<name>(?!(?:what|who|how|which|where|when|why|is|are|does|do|can)" + "(?: |$)).+?)";

    private static final String POSSESSIVE = "(?: 's)?";

    private static final List<Lookup> LOOKUPS = Stream.of(
                    lookup(
                            Question.WhoIsDeputy::new,
                            "who (?:deputises for|covers for|covers|is covering for|stands in for|is deputising for) "
                                    + NAME + " (?:when|while|if|whenever) .+? (?:is |are )?(?:away|out|off|on leave"
                                    + "|on holiday|on vacation|unavailable|sick|travelling)",
                            "who is (?:the |a |their |its )?(?:deputy|backup|back up|second|secondary|stand in|standin"
                                    + "|fallback|alternate|delegate|cover|number two)(?: owner| person| contact)?"
                                    + "(?: for| of| on| to)? " + NAME,
                            "who (?:deputises for|covers for|covers|is covering for|is covering|backs up|is backing up"
                                    + "|stands in for|is standing in for|is deputising for|is deputising on) " + NAME,
                            "(?:what is |who is )?(?:the )?(?:deputy|backup)(?: owner)? (?:of|for|on) " + NAME,
                            "(?:who is )?(?:the )?" + LEADING_NAME + POSSESSIVE
                                    + " (?:deputy|backup|backup owner|deputy owner)"),
                    lookup(
                            Question.WhoOwns::new,
                            "who (?:owns|own|runs|manages|maintains|looks after|is looking after|takes care of|is behind"
                                    + "|handles|is handling|leads|is on|supports) " + NAME,
                            "(?:which|what) (?:team|person|people|group|squad) (?:owns|runs|manages|looks after"
                                    + "|is responsible for|is in charge of) " + NAME,
                            "who is (?:the |a )?(?:current )?(?:service |product )?(?:owner|owners|responsible|accountable"
                                    + "|in charge|person responsible|person in charge|lead|contact|point of contact|go to)"
                                    + "(?: person)?(?: for| of| on| over)? " + NAME,
                            "who (?:do|should|can) i (?:talk|speak|go|ask|ping|contact)(?: to)?(?: about| for| regarding| re)? "
                                    + NAME,
                            "(?:what is |who is )?(?:the )?(?:service )?owner (?:of|for) " + NAME,
                            "(?:who is |what is )?(?:the )?" + LEADING_NAME + POSSESSIVE + " (?:service )?owner",
                            "whose is " + NAME),
                    lookup(
                            Question.UnitCost::new,
                            "what (?:does|do|will|would) (?:a|one|each|a single) [a-z-]+ (?:of|on|for|through|in) "
                                    + NAME + " cost(?: us)?",
                            "(?:what is |what are )?(?:the )?(?:current )?(?:unit cost|unit costs|cost per unit|unit price"
                                    + "|price per unit|per unit cost|cost of a unit|cost per transaction|cost per request)"
                                    + "(?: of| for| on| at)? " + NAME,
                            "how much (?:does|do|will|would) " + NAME
                                    + " cost(?: us)?(?: per| a| each| for each| for one"
                                    + "| for a) (?:unit|item|transaction|request|call|user|seat|head|ticket|customer"
                                    + "|account|one)",
                            "how much (?:does|do) " + NAME + " cost(?: us)?",
                            "how much is (?:a|one|each) unit (?:of|for|on) " + NAME,
                            "what does " + NAME + " cost(?: us)?(?: per unit| a unit| each)?",
                            "how expensive is " + NAME,
                            "(?:what is |what are )?(?:the )?" + LEADING_NAME + POSSESSIVE + " (?:unit cost|unit costs"
                                    + "|cost per unit|unit price|per unit cost)"),
                    lookup(
                            Question.HowIsDoing::new,
                            "how (?:is|are) " + NAME + " (?:doing|going|looking|getting on|performing|faring|tracking"
                                    + "|coming along|holding up)",
                            "(?:any )?(?:what is |what are )?(?:the )?(?:latest |current )?(?:status|state|health|news|update"
                                    + "|rag status|rag|progress|latest)(?: update)? (?:of|for|on|with) " + NAME,
                            "(?:is|are) " + NAME + " (?:ok|alright|all right|fine|healthy|green|amber|red|on track|good"
                                    + "|in good shape|in trouble|at risk|working|up|behind|struggling)",
                            "how healthy (?:is|are) " + NAME,
                            "what is (?:happening|going on|up) with " + NAME,
                            "how (?:is|are) (?:things|it|everything|stuff|life) (?:with|on|at|for|in) " + NAME,
                            "status " + NAME,
                            "(?:what is |what are )?(?:the )?" + LEADING_NAME + POSSESSIVE
                                    + " (?:status|health|status update|rag status)",
                            "how (?:is|are) " + NAME))
            .flatMap(List::stream)
            .toList();

    private final QuestionNames services;
    private final QuestionNames objectives;

    /** {@code objectives} are this quarter's, keyed {@code o<id>}: "how is <objective> doing" may name one. */
    QuestionLookups(QuestionNames services, QuestionNames objectives) {
        this.services = services;
        this.objectives = objectives;
    }

    Optional<Question> read(QuestionText text) {
        for (Lookup lookup : LOOKUPS) {
            Matcher shape = lookup.shape().matcher(text.canonical());
            String typed = shape.matches() ? text.original(shape.start("name"), shape.end("name")) : "";
            if (!QuestionNames.isBlank(typed)) {
                return Optional.of(objective(lookup, typed)
                        .orElseGet(() -> lookup.question().apply(services.keyOf(typed))));
            }
        }
        return Optional.empty();
    }

    /** For "how is X doing", an objective X when no service is called X: services keep their names. */
    private Optional<Question> objective(Lookup lookup, String typed) {
        if (!(lookup.question().apply("") instanceof Question.HowIsDoing)
                || services.keyIfFound(typed).isPresent()) {
            return Optional.empty();
        }
        return objectives.keyIfFound(typed).map(key -> new Question.HowIsObjective(Long.parseLong(key.substring(1))));
    }

    private static List<Lookup> lookup(Function<String, Question> question, String... shapes) {
        return Stream.of(shapes)
                .map(shape -> new Lookup(Pattern.compile(shape), question))
                .toList();
    }
}
