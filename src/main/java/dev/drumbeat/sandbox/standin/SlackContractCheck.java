package dev.drumbeat.sandbox.standin;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The checks Slack makes before a method runs, in Slack's order: a token at all ({@code not_authed}), the
 * right token ({@code invalid_auth}), a granted scope ({@code missing_scope} with {@code needed} and
 * {@code provided}), then the required arguments. Immutable, so safe to share between request threads.
 */
final class SlackContractCheck {

    private final String botToken;
    private final SortedSet<String> grantedScopes;

    SlackContractCheck(String botToken, Set<String> grantedScopes) {
        this.botToken = botToken;
        this.grantedScopes = Collections.unmodifiableSortedSet(new TreeSet<>(grantedScopes));
    }

    /** The refusal Slack would answer, or empty when the call may run. */
    Optional<SlackStandInAnswer> refuse(SlackContract.Method method, String token, SlackStandInArgs args) {
        if (token == null || token.isBlank()) {
            return Optional.of(SlackStandInAnswer.error("not_authed"));
        }
        if (!token.equals(botToken)) {
            return Optional.of(SlackStandInAnswer.error("invalid_auth"));
        }
        return refuseScope(method).or(() -> refuseArguments(method, args));
    }

    private Optional<SlackStandInAnswer> refuseScope(SlackContract.Method method) {
        return refuseUnlessGranted(method.botScopes());
    }

    /**
     * {@code missing_scope} unless one of {@code accepted} was granted (none needed when empty); for methods whose
     * scope depends on the conversation, such as conversations.history, once the conversation is known.
     */
    Optional<SlackStandInAnswer> refuseUnlessGranted(List<String> accepted) {
        if (accepted.isEmpty() || accepted.stream().anyMatch(grantedScopes::contains)) {
            return Optional.empty();
        }
        return Optional.of(SlackStandInAnswer.error("missing_scope")
                .with("needed", accepted.get(0))
                .with("provided", String.join(",", grantedScopes)));
    }

    private static Optional<SlackStandInAnswer> refuseArguments(SlackContract.Method method, SlackStandInArgs args) {
        return method.requirements().stream()
                .filter(requirement -> !args.hasAny(requirement.anyOf()))
                .findFirst()
                .map(SlackContractCheck::refusal);
    }

    private static SlackStandInAnswer refusal(SlackContract.Requirement requirement) {
        if (!"invalid_arguments".equals(requirement.error())) {
            return SlackStandInAnswer.error(requirement.error());
        }
        String fields = String.join(" or ", requirement.anyOf());
        return SlackStandInAnswer.error(
                "invalid_arguments",
                List.of("[ERROR] missing required field: " + fields + " [json-pointer:/"
                        + requirement.anyOf().get(0) + "]"));
    }
}
