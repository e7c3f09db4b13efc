package dev.drumbeat.bench;

import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/** Says whether one response counts as an error, and which: a failure, a timeout, a non-200, or a wrong body. */
final class Outcome {
    private Outcome() {}

    /** Empty when the response is right and arrived within the timeout; otherwise the kind of error. */
    static Optional<String> of(HttpResponse<String> response, Throwable failure, Shot shot, long latencyNanos) {
        if (failure != null) {
            Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            return Optional.of(cause instanceof HttpTimeoutException ? "timeout" : describe(cause));
        }
        if (latencyNanos > SignedPost.TIMEOUT.toNanos()) {
            return Optional.of("timeout");
        }
        if (response.statusCode() != 200) {
            return Optional.of("HTTP " + response.statusCode());
        }
        return shot.acceptsBody().test(response.body()) ? Optional.empty() : Optional.of("wrong body");
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
