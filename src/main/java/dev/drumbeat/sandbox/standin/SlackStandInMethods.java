package dev.drumbeat.sandbox.standin;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns one Web API request into Slack's answer, in Slack's order: an injected failure, then an unknown
 * method, then the contract check (token, scope, required arguments), then the method itself.
 * Not thread-safe on its own: {@link SlackStandInEndpoint} calls it under its lock, one call at a time, so
 * each call sees and changes the workspace atomically.
 */
final class SlackStandInMethods {

    private final SlackStandInFaults faults;
    private final SlackContractCheck contract;
    private final Map<String, Function<SlackStandInArgs, SlackStandInAnswer>> handlers = new HashMap<>();

    SlackStandInMethods(
            SlackStandInFaults faults,
            SlackContractCheck contract,
            SlackStandInChat chat,
            SlackStandInViews views,
            SlackStandInPeople people,
            SlackStandInHistoryMethods history) {
        this.faults = faults;
        this.contract = contract;
        chat.register(handlers);
        history.register(handlers);
        views.register(handlers);
        people.register(handlers);
    }

    SlackStandInAnswer answer(SlackStandInRequest request) {
        Optional<SlackStandInAnswer> fault =
                faults.take(request.method(), String.valueOf(request.args().get("channel")));
        if (fault.isPresent()) {
            return fault.get();
        }
        Optional<SlackContract.Method> method = SlackContract.find(request.method());
        if (method.isEmpty() || !handlers.containsKey(request.method())) {
            return SlackStandInAnswer.error("unknown_method").with("req_method", request.method());
        }
        SlackStandInArgs args = readableArgs(method.get(), request);
        return contract.refuse(method.get(), request.token(), args)
                .orElseGet(() -> handlers.get(request.method()).apply(args));
    }

    /** Slack ignores a JSON body sent to a method that only reads form fields (users.info, users.list). */
    private static SlackStandInArgs readableArgs(SlackContract.Method method, SlackStandInRequest request) {
        boolean ignored = request.jsonBody() && !method.readsJsonBody();
        return new SlackStandInArgs(ignored ? request.queryArgs() : request.args());
    }
}
