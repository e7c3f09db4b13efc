package dev.drumbeat.catalog;

import dev.drumbeat.core.ServiceMatcher;
import dev.drumbeat.core.UserError;
import dev.drumbeat.slack.SlackBlocks;
import java.util.List;
import java.util.stream.Collectors;

/** Turns what someone typed into one service key, or a sentence listing what they might have meant. */
public final class ServiceLookup {
    private final CatalogService catalog;

    public ServiceLookup(CatalogService catalog) {
        this.catalog = catalog;
    }

    public String keyFor(String teamId, String typed, String usage) {
        if (typed.isBlank()) {
            throw new UserError("Which service? Use `/drumbeat " + SlackBlocks.escape(usage) + "`.");
        }
        ServiceMatcher.Match match = catalog.resolve(teamId, typed);
        if (match instanceof ServiceMatcher.Found found) {
            return found.candidate().key();
        }
        if (match instanceof ServiceMatcher.Ambiguous ambiguous) {
            throw new UserError("“" + SlackBlocks.escape(typed) + "” could be " + describe(ambiguous.candidates())
                    + ". Say which, for example `/drumbeat " + usage.split(" ")[0] + " "
                    + ambiguous.candidates().get(0).key() + "`.");
        }
        List<ServiceMatcher.Candidate> suggestions = ((ServiceMatcher.NotFound) match).suggestions();
        String hint = suggestions.isEmpty() ? "" : " Did you mean " + describe(suggestions) + "?";
        throw new UserError("No service matches “" + SlackBlocks.escape(typed) + "”." + hint
                + " `/drumbeat services` lists them all.");
    }

    private static String describe(List<ServiceMatcher.Candidate> candidates) {
        return candidates.stream()
                .map(c -> SlackBlocks.escape(c.name()) + " (`" + c.key() + "`)")
                .collect(Collectors.joining(", "));
    }
}
