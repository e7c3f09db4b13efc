package dev.drumbeat.sandbox.standin;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The HTTP side of the stand-in: reads {@code /api/{method}}, asks {@link SlackStandInMethods} for Slack's
 * answer (unless {@link SlackStandInRateLimits}, when enforced, refuses it first), records the call and writes
 * the answer (JSON, with Retry-After on a 429).
 * Thread-safe: Javalin calls it from many threads; answering and recording happen under one lock, so the
 * calls are recorded in the order they took effect, and readers get a copy of the concurrent call log.
 */
final class SlackStandInEndpoint implements Handler {

    private final SlackStandInMethods methods;
    private final Clock clock;
    private final List<SlackStandInCall> calls = new CopyOnWriteArrayList<>();
    private final SlackStandInRateLimits rateLimits = new SlackStandInRateLimits(System::nanoTime);
    private final List<SlackStandInHold> holds = new CopyOnWriteArrayList<>();

    SlackStandInEndpoint(SlackStandInMethods methods, Clock clock) {
        this.methods = methods;
        this.clock = clock;
    }

    @Override
    public void handle(Context ctx) {
        SlackStandInRequest request = SlackStandInRequest.read(ctx);
        Optional<SlackStandInHold> hold = takeHold(request.method());
        if (hold.filter(held -> held.point() == SlackStandInHold.Point.BEFORE_EFFECT)
                .isPresent()) {
            hold.get().holdHere();
            ctx.status(503).result("");
            return;
        }
        SlackStandInAnswer answer = answerAndRecord(request);
        hold.ifPresent(SlackStandInHold::holdHere);
        if (answer.retryAfterSeconds() != null) {
            ctx.header("Retry-After", String.valueOf(answer.retryAfterSeconds()));
        }
        ctx.status(answer.status())
                .contentType("application/json; charset=utf-8")
                .result(SlackStandInJson.write(answer.body()));
    }

    private synchronized SlackStandInAnswer answerAndRecord(SlackStandInRequest request) {
        SlackStandInAnswer answer = rateLimits.refuse(request).orElseGet(() -> methods.answer(request));
        calls.add(new SlackStandInCall(
                request.method(),
                Collections.unmodifiableMap(new LinkedHashMap<>(request.args())),
                clock.instant(),
                answer.ok(),
                answer.error()));
        return answer;
    }

    SlackStandInHold hold(String method, SlackStandInHold.Point point) {
        SlackStandInHold hold = new SlackStandInHold(method, point);
        holds.add(hold);
        return hold;
    }

    private synchronized Optional<SlackStandInHold> takeHold(String method) {
        Optional<SlackStandInHold> hold =
                holds.stream().filter(held -> held.method().equals(method)).findFirst();
        hold.ifPresent(holds::remove);
        return hold;
    }

    /** Lets every held call go and forgets holds not yet used. */
    void releaseHolds() {
        holds.forEach(SlackStandInHold::release);
        holds.clear();
    }

    /** Records a call answered elsewhere (a response_url post), in order with the rest. */
    synchronized void record(SlackStandInCall call) {
        calls.add(call);
    }

    SlackStandInRateLimits rateLimits() {
        return rateLimits;
    }

    List<SlackStandInCall> calls() {
        return List.copyOf(calls);
    }

    void clearCalls() {
        calls.clear();
    }

    /** Forgets the calls and stops enforcing rate limits. */
    synchronized void reset() {
        releaseHolds();
        calls.clear();
        rateLimits.reset();
    }
}
