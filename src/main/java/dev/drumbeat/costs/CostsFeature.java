package dev.drumbeat.costs;

import dev.drumbeat.apitoken.ApiTokenGuard;
import dev.drumbeat.feature.Contributions;
import dev.drumbeat.feature.Feature;
import dev.drumbeat.feature.Shared;

/**
 * Costs from the bills in Slack and over HTTP: `/drumbeat costs rules` edits the allocation rules in a modal and
 * previews them before they apply, `/drumbeat costs preview` shows what the rules in force catch in the latest bills,
 * and the rules as CSV at {@value CostRulesRoutes#PATH}, behind an API token. Applying rules allocates the months
 * already imported again.
 */
public final class CostsFeature implements Feature {
    private final Shared shared;
    private final ApiTokenGuard apiTokens;

    public CostsFeature(Shared shared, ApiTokenGuard apiTokens) {
        this.shared = shared;
        this.apiTokens = apiTokens;
    }

    @Override
    public void contribute(Contributions contributions) {
        CostRules rules = new CostRules(shared.jdbi(), shared.audit());
        CostRuleDrafts drafts = new CostRuleDrafts(shared.jdbi(), shared.audit(), shared.clock());
        CostReallocation reallocation = new CostReallocation(
                shared.jdbi(), shared.audit(), shared.clock(), shared.money().currency());
        CostRuleChanges changes = new CostRuleChanges(drafts, reallocation, shared.money());
        CostsReplies replies = contributions.running(new CostsReplies(shared.jdbi(), shared.outbox()));
        CostsViews views = new CostsViews(shared.money());
        CostRulesListeners listeners = new CostRulesListeners(
                rules,
                drafts,
                changes,
                new CostPreview(shared.jdbi(), shared.clock(), shared.money().currency()),
                views,
                replies);
        listeners.register(contributions.interactions());
        contributions.command(new CostsCommand(rules, listeners, shared.config().publicUrl()));
        contributions.routes(new CostRulesRoutes(rules, changes, apiTokens));
        contributions.job(
                CostReallocationJob.NAME,
                CostReallocationJob.class,
                () -> new CostReallocationJob(shared.jdbi(), shared.clock(), reallocation, replies, views),
                CostReallocationJob.EVERY);
    }
}
