package dev.drumbeat.ask;

import dev.drumbeat.ask.question.Amount;
import dev.drumbeat.ask.question.Question;
import dev.drumbeat.core.Money;
import dev.drumbeat.slack.SlackBlocks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The line at the top of every answer that says, in plain words, how Drumbeat read the question ("Read as: save
 * $50,000 a month, leaving out `crm`; strategic services left alone"), so a misreading is visible at a glance rather
 * than hidden behind a confident answer. Names are the catalog's keys, as the question resolved them. Empty for help
 * and for questions that were not understood, whose answer already says what was not. Stateless.
 */
final class AskReading {
    private final Money money;

    AskReading(Money money) {
        this.money = money;
    }

    Optional<String> of(Question question) {
        return Optional.ofNullable(words(question)).map(words -> "Read as: " + words + ".");
    }

    /** The line for a saving said in another currency and converted: {@code amount} says it as asked and at what rate. */
    String converted(Question.Deprioritise converted, String amount) {
        return "Read as: save " + amount + limits(converted) + ".";
    }

    private String words(Question question) {
        if (question instanceof Question.Deprioritise q) {
            return saving(q);
        }
        if (question instanceof Question.WhatIfSlips q) {
            return "what it costs if `" + q.initiativeKey() + "` slips "
                    + q.length().phrase();
        }
        if (question instanceof Question.WhoOwns q) {
            return "who owns `" + q.serviceKey() + "`";
        }
        if (question instanceof Question.WhoIsDeputy q) {
            return "who deputises for the owner of `" + q.serviceKey() + "`";
        }
        if (question instanceof Question.HowIsDoing q) {
            return "how `" + q.serviceKey() + "` is doing";
        }
        if (question instanceof Question.UnitCost q) {
            return "the unit cost of `" + q.serviceKey() + "`";
        }
        if (question instanceof Question.HowIsObjective q) {
            return "how objective O" + q.objectiveId() + " is doing";
        }
        return fixed(question);
    }

    private static String fixed(Question question) {
        if (question instanceof Question.WhatIsStale) {
            return "which services are stale";
        }
        if (question instanceof Question.WhatIsOwnerless) {
            return "which services have no owner";
        }
        if (question instanceof Question.WhatIsEscalated) {
            return "what is escalated";
        }
        if (question instanceof Question.CostsTheMost) {
            return "what costs the most";
        }
        if (question instanceof Question.NegativeMargin) {
            return "where margin is negative";
        }
        if (question instanceof Question.OkrsAtRisk) {
            return "which key results are at risk";
        }
        if (question instanceof Question.VanityResults) {
            return "which key results may be vanity metrics";
        }
        return null;
    }

    private String saving(Question.Deprioritise q) {
        Amount target = q.target();
        String amount = target.isPercentOfMonthlyCost()
                ? target.value().toPlainString() + "% of monthly cost"
                : money.format(target.value()) + " " + target.per().phrase()
                        + (target.per().isMonth() ? "" : " (" + money.format(target.monthly()) + " a month)");
        return "save " + amount + limits(q);
    }

    /**
     * What the saving may touch: the limits on the picks, the services left out, what is supposed stopped, whether
     * strategic ones may be picked, and any words not used.
     */
    private static String limits(Question.Deprioritise q) {
        String excluded = q.excludedKeys().isEmpty()
                ? ""
                : ", leaving out "
                        + q.excludedKeys().stream().map(key -> "`" + key + "`").collect(Collectors.joining(", "));
        String strategic =
                q.includeStrategic() ? "; strategic services may be picked" : "; strategic services left alone";
        String supposed = q.supposedKeys().isEmpty()
                ? ""
                : "; supposing "
                        + q.supposedKeys().stream().map(key -> "`" + key + "`").collect(Collectors.joining(", "))
                        + " stopped";
        String setAside = q.setAside().isEmpty()
                ? ""
                : "; not used: "
                        + q.setAside().stream()
                                .map(words -> "\"" + SlackBlocks.escape(SlackBlocks.clip(words, 100)) + "\"")
                                .collect(Collectors.joining(", "));
        return scope(q.scope()) + excluded + supposed + strategic + setAside;
    }

    /** "; only secondary services", "; only initiatives", "; only what Bruno Diaz owns". */
    private static String scope(Question.Scope scope) {
        if (scope.isAny()) {
            return "";
        }
        List<String> limits = new ArrayList<>();
        if (!scope.tiers().isEmpty()) {
            limits.add(String.join(" or ", scope.tiers()) + " services");
        }
        if (!scope.kinds().isEmpty()) {
            limits.add(scope.kinds().stream()
                    .map(kind -> kind == Question.Scope.Kind.SERVICE ? "services" : "initiatives")
                    .collect(Collectors.joining(" or ")));
        }
        if (!scope.owners().isEmpty()) {
            limits.add(
                    "what " + scope.owners().stream().map(SlackBlocks::escape).collect(Collectors.joining(" or "))
                            + (scope.owners().size() == 1 ? " owns" : " own"));
        }
        return "; only " + String.join(", and of those only ", limits);
    }
}
