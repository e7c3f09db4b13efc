package dev.drumbeat.costs;

import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Money;
import java.util.ArrayList;
import java.util.List;

/**
 * A change of the allocation rules carried through: the rules replaced ({@link CostRuleDrafts}), then the months
 * already imported allocated again by them ({@link CostReallocation}), and what changed said in sentences. Thread-safe.
 */
final class CostRuleChanges {
    private final CostRuleDrafts drafts;
    private final CostReallocation reallocation;
    private final Money money;

    CostRuleChanges(CostRuleDrafts drafts, CostReallocation reallocation, Money money) {
        this.drafts = drafts;
        this.reallocation = reallocation;
        this.money = money;
    }

    /** The rules replaced and the months allocated again. */
    record Outcome(CostRuleDrafts.Changed changed, CostReallocation.Result reallocated, List<String> summary) {}

    /** Replaces the rules with the CSV's and allocates the imported months again, at once (an HTTP PUT). */
    Outcome replace(Actor actor, byte[] csv) {
        return reallocate(actor, drafts.replace(actor, csv));
    }

    /** Allocates the imported months again after {@code changed}; may take seconds, so it runs off Slack's request. */
    Outcome reallocate(Actor actor, CostRuleDrafts.Changed changed) {
        CostReallocation.Result result = reallocation.run(actor);
        List<String> summary = new ArrayList<>();
        summary.add(rules(changed.after()) + " in force now (there " + (changed.before() == 1 ? "was " : "were ")
                + changed.before() + " before).");
        summary.addAll(CostReallocation.describe(result, money));
        return new Outcome(changed, result, summary);
    }

    private static String rules(int count) {
        return count == 1 ? "1 allocation rule is" : count + " allocation rules are";
    }
}
