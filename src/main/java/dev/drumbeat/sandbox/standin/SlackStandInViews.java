package dev.drumbeat.sandbox.standin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Answers views.open, views.push, views.update and views.publish the way Slack does once a call has passed
 * the contract check: the view must meet Block Kit's limits, trigger ids must be fresh and unused, and
 * external ids unique.
 */
final class SlackStandInViews {

    private final SlackStandInViewStore views;
    private final SlackStandInTriggers triggers;

    SlackStandInViews(SlackStandInViewStore views, SlackStandInTriggers triggers) {
        this.views = views;
        this.triggers = triggers;
    }

    void register(Map<String, Function<SlackStandInArgs, SlackStandInAnswer>> handlers) {
        handlers.put("views.open", args -> open(args, false));
        handlers.put("views.push", args -> open(args, true));
        handlers.put("views.update", this::update);
        handlers.put("views.publish", this::publish);
    }

    private SlackStandInAnswer open(SlackStandInArgs args, boolean pushed) {
        Optional<SlackStandInAnswer> refusal = refuseBoth(args, "trigger_id", "interactivity_pointer")
                .or(() -> refuseView(args, "modal"))
                .or(() -> refuseTakenExternalId(args, null));
        if (refusal.isPresent()) {
            return refusal.get();
        }
        String trigger = args.has("trigger_id") ? args.string("trigger_id") : args.string("interactivity_pointer");
        SlackStandInTriggers.Exchange exchange = triggers.exchange(trigger);
        if (exchange.error() != null) {
            return SlackStandInAnswer.error(exchange.error());
        }
        return answer(views.open(exchange.userId(), viewOf(args), pushed));
    }

    private SlackStandInAnswer update(SlackStandInArgs args) {
        Optional<SlackStandInAnswer> refusal = refuseBoth(args, "view_id", "external_id");
        if (refusal.isPresent()) {
            return refusal.get();
        }
        Optional<String> viewId = views.findId(args.string("view_id"), args.string("external_id"));
        if (viewId.isEmpty()) {
            return SlackStandInAnswer.error("not_found");
        }
        if (args.has("hash") && !args.string("hash").equals(views.hashOf(viewId.get()))) {
            return SlackStandInAnswer.error("hash_conflict");
        }
        return refuseView(args, null)
                .or(() -> refuseTakenExternalId(args, viewId.get()))
                .orElseGet(() -> answer(views.update(viewId.get(), viewOf(args))));
    }

    private SlackStandInAnswer publish(SlackStandInArgs args) {
        String userId = args.string("user_id");
        Optional<String> homeId = views.homeOf(userId).map(home -> String.valueOf(home.get("id")));
        if (args.has("hash") && homeId.isPresent() && !args.string("hash").equals(views.hashOf(homeId.get()))) {
            return SlackStandInAnswer.error("hash_conflict");
        }
        return refuseView(args, "home")
                .or(() -> refuseTakenExternalId(args, homeId.orElse(null)))
                .orElseGet(() -> answer(views.publish(userId, viewOf(args))));
    }

    /** invalid_arguments, explained in response_metadata.messages, for a view Slack would not show. */
    private static Optional<SlackStandInAnswer> refuseView(SlackStandInArgs args, String expectedType) {
        Object view = args.raw("view");
        if (view instanceof String) {
            return Optional.of(SlackStandInAnswer.error(
                    "invalid_arguments", List.of("[ERROR] failed to parse view as JSON [json-pointer:/view]")));
        }
        List<String> violations = new ArrayList<>(BlockKitLimits.checkView(view));
        if (expectedType != null && view instanceof Map<?, ?> map && !expectedType.equals(map.get("type"))) {
            violations.add("[ERROR] must be " + expectedType + " for this method [json-pointer:/view/type]");
        }
        return violations.isEmpty()
                ? Optional.empty()
                : Optional.of(SlackStandInAnswer.error("invalid_arguments", violations));
    }

    private Optional<SlackStandInAnswer> refuseTakenExternalId(SlackStandInArgs args, String ownViewId) {
        Object externalId = viewOf(args).get("external_id");
        return views.findByExternalId(externalId)
                .filter(owner -> !owner.equals(ownViewId))
                .map(owner -> SlackStandInAnswer.error("duplicate_external_id"));
    }

    private static Optional<SlackStandInAnswer> refuseBoth(SlackStandInArgs args, String one, String other) {
        if (!(args.has(one) && args.has(other))) {
            return Optional.empty();
        }
        return Optional.of(SlackStandInAnswer.error(
                "invalid_arguments",
                List.of("[ERROR] pass either " + one + " or " + other + ", not both [json-pointer:/" + other + "]")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> viewOf(SlackStandInArgs args) {
        return args.raw("view") instanceof Map<?, ?> view ? (Map<String, Object>) view : Map.of();
    }

    private static SlackStandInAnswer answer(Map<String, Object> view) {
        return SlackStandInAnswer.ok(Map.of("view", view));
    }
}
