package dev.drumbeat.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts to a {@code response_url}: replaces the message an interaction came from (the only way an app can change an
 * ephemeral message), or gives a slash command the answer that was not ready when it was acknowledged. Sent on
 * background threads with a 5-second limit per try, so a request is acknowledged within Slack's 3 s whatever Slack's
 * webhook takes. A try that fails for want of Slack (no connection, a timeout, HTTP 429 or 5xx) is made again after
 * each pause of {@code retries}; a refusal (the URL lives 30 minutes and five uses) is not. What finally fails, or
 * finds the queue full, is logged by its kind only, since the URL is a credential. Thread-safe.
 */
public final class ResponseUrls implements AutoCloseable {
    /** The pauses before a second and a third try. */
    public static final List<Duration> RETRIES = List.of(Duration.ofMillis(250), Duration.ofSeconds(1));

    private static final Logger log = LoggerFactory.getLogger(ResponseUrls.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofSeconds(5);
    private static final int QUEUE = 200;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(LIMIT).build();
    private final ThreadPoolExecutor sender;
    private final List<Duration> retries;

    /** One sender thread, as clicks need. */
    public ResponseUrls() {
        this(1, RETRIES);
    }

    /** {@code senders} threads posting at once; a failed try is made again after each of {@code retries}. */
    public ResponseUrls(int senders, List<Duration> retries) {
        this.retries = List.copyOf(retries);
        this.sender = new ThreadPoolExecutor(
                senders, senders, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), runnable -> {
                    Thread thread = new Thread(runnable, "response-url");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** {@code message} holds {@code text} and {@code blocks}, as chat.postMessage's arguments would. */
    public void replace(String responseUrl, Map<String, Object> message) {
        Map<String, Object> body = new HashMap<>(message);
        body.put("replace_original", true);
        post(responseUrl, body, "replacing a message");
    }

    /**
     * A slash command's answer, given after its acknowledgement: an ephemeral one replaces the acknowledgement, one for
     * the whole channel follows it, and an empty one removes the acknowledgement.
     */
    void answer(String responseUrl, Reply reply) {
        Map<String, Object> body = new HashMap<>();
        if (reply.isEmpty()) {
            body.put("delete_original", true);
        } else {
            body.put("response_type", reply.inChannel() ? "in_channel" : "ephemeral");
            body.put("replace_original", !reply.inChannel());
            body.put("text", reply.text());
            body.put("blocks", BlockJson.values(reply.blocks()));
        }
        post(responseUrl, body, "answering a slash command");
    }

    private void post(String responseUrl, Map<String, Object> body, String what) {
        if (responseUrl == null || responseUrl.isBlank()) {
            return;
        }
        try {
            sender.execute(() -> send(responseUrl, body, what));
        } catch (RejectedExecutionException full) {
            log.warn("{} through its response_url was dropped: {} are already waiting", what, QUEUE);
        }
    }

    private void send(String responseUrl, Map<String, Object> body, String what) {
        for (int attempt = 0; ; attempt++) {
            Optional<String> failure = attempt(responseUrl, body);
            if (failure.isEmpty()) {
                return;
            }
            if (!passes(failure.get()) || attempt == retries.size() || !pause(retries.get(attempt))) {
                log.warn("{} through its response_url failed after {} tries: {}", what, attempt + 1, failure.get());
                return;
            }
        }
    }

    /** Empty when Slack took the post; else the failure's kind, never the URL. */
    private Optional<String> attempt(String responseUrl, Map<String, Object> body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(responseUrl))
                    .timeout(LIMIT)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? Optional.empty() : Optional.of("HTTP " + status);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        } catch (IOException | RuntimeException e) {
            return Optional.of(e.getClass().getSimpleName());
        }
    }

    /** Whether a failure may pass if tried again: not a refusal of the post itself. */
    private static boolean passes(String kind) {
        return !kind.startsWith("HTTP ") || kind.equals("HTTP 429") || kind.startsWith("HTTP 5");
    }

    private static boolean pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Lets what is under way finish, for up to the webhook limit, and drops the rest. */
    @Override
    public void close() throws InterruptedException {
        sender.shutdown();
        if (!sender.awaitTermination(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            sender.shutdownNow();
        }
    }
}
