package dev.drumbeat.sandbox.standin;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One call the stand-in holds on its way through, so a test can stop the caller mid-call, as a crash would: held
 * {@link Point#BEFORE_EFFECT before Slack acts on it}, the call is dropped without effect when released (it never
 * reached Slack); held {@link Point#AFTER_EFFECT after}, Slack has acted and the answer is written only when
 * released (the caller never heard back). Thread-safe.
 */
public final class SlackStandInHold {

    /** Where the call is held. */
    public enum Point {
        BEFORE_EFFECT,
        AFTER_EFFECT
    }

    private final String method;
    private final Point point;
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    SlackStandInHold(String method, Point point) {
        this.method = method;
        this.point = point;
    }

    String method() {
        return method;
    }

    Point point() {
        return point;
    }

    /** Waits until the held call has arrived (and, after the effect, taken effect); false on time-out. */
    public boolean awaitArrival(Duration timeout) throws InterruptedException {
        return arrived.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets the held call go on: dropped if held before its effect, answered if after. */
    public void release() {
        released.countDown();
    }

    /** Called on the request thread: marks the arrival and waits for release (or the stand-in stopping). */
    void holdHere() {
        arrived.countDown();
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
