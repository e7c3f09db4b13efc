package dev.drumbeat.sandbox.standin;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The HTTP side of the stand-in: reads {@code /api/{method}}, asks {@link SlackStandInMethods} for Slack's
 * answer (unless {@link SlackStandInRateLimits}, when enforced, refuses it first), records the call and writes
 * the answer (JSON, with Retry-After on a 429). An optional {@link #delay} stands for the network: half of it
 * passes before Slack acts on a call, half before the answer is written.
 * Thread-safe: Javalin calls it from many threads; answering and recording happen under one lock, so the
 * calls are recorded in the order they took effect, and readers get a copy of the concurrent call log.
 */
final class SlackStandInEndpoint implements Handler {

    private final SlackStandInMethods methods;
    private final Clock clock;
    private final List<SlackStandInCall> calls = new CopyOnWriteArrayList<>();
    private final SlackStandInRateLimits rateLimits = new SlackStandInRateLimits(System::nanoTime);
    private final List<SlackStandInHold> holds = new CopyOnWriteArrayList<>();
    private volatile Duration delay = Duration.ZERO;

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
        Duration leg = delay.dividedBy(2);
        travel(leg);
        SlackStandInAnswer answer = answerAndRecord(request);
        hold.ifPresent(SlackStandInHold::holdHere);
        travel(leg);
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

    /** Every call from now on takes {@code delay} longer; zero for none. */
    void delay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a delay is zero or more");
        }
        this.delay = delay;
    }

    private static void travel(Duration leg) {
        if (leg.isZero()) {
            return;
        }
        try {
            Thread.sleep(leg.toMillis(), leg.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    /** Forgets the calls, stops enforcing rate limits and delaying calls. */
    synchronized void reset() {
        delay = Duration.ZERO;
        releaseHolds();
        calls.clear();
        rateLimits.reset();
    }
}
