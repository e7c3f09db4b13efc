package dev.drumbeat.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces the message an interaction came from through the interaction's {@code response_url}: the only way an app
 * can change an ephemeral message. Sent on a background thread with a 5-second limit, so a click is acknowledged within
 * Slack's 3 s whatever Slack's webhook takes, and one slow webhook holds up the others for 5 s at most. Best effort:
 * the URL lives 30 minutes and five uses, so a failure (or a full queue) is logged, by its kind only, since the URL is
 * a credential, and the click's own work stands. Thread-safe.
 */
public final class ResponseUrls implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ResponseUrls.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofSeconds(5);
    private static final int QUEUE = 200;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(LIMIT).build();
    private final ThreadPoolExecutor sender =
            new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), runnable -> {
                Thread thread = new Thread(runnable, "response-url");
                thread.setDaemon(true);
                return thread;
            });

    /** {@code message} holds {@code text} and {@code blocks}, as chat.postMessage's arguments would. */
    public void replace(String responseUrl, Map<String, Object> message) {
        if (responseUrl == null || responseUrl.isBlank()) {
            return;
        }
        Map<String, Object> body = new HashMap<>(message);
        body.put("replace_original", true);
        try {
            sender.execute(() -> send(responseUrl, body));
        } catch (RejectedExecutionException full) {
            log.warn("not replacing a message through its response_url: {} are already waiting", QUEUE);
        }
    }

    private void send(String responseUrl, Map<String, Object> body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(responseUrl))
                    .timeout(LIMIT)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                log.warn("replacing a message through its response_url answered HTTP {}", status);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            log.warn(
                    "replacing a message through its response_url failed: {}",
                    e.getClass().getSimpleName());
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
