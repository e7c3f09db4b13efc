package dev.drumbeat.slack;

import com.slack.api.Slack;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces the message an interaction came from through the interaction's {@code response_url}: the only way an app
 * can change an ephemeral message. Sent on a background thread, so the click is acknowledged within Slack's 3 s
 * whatever Slack's webhook takes. Best effort: the URL lives 30 minutes and five uses, so a failure is logged (without
 * the URL, which is a credential) and the click's own work stands.
 */
public final class ResponseUrls {
    private static final Logger log = LoggerFactory.getLogger(ResponseUrls.class);
    private static final ExecutorService SENDER = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "response-url");
        thread.setDaemon(true);
        return thread;
    });

    private ResponseUrls() {
    }

    /** {@code message} holds {@code text} and {@code blocks}, as chat.postMessage's arguments would. */
    public static void replace(Slack slack, String responseUrl, Map<String, Object> message) {
        if (responseUrl == null || responseUrl.isBlank()) {
            return;
        }
        Map<String, Object> body = new HashMap<>(message);
        body.put("replace_original", true);
        SENDER.execute(() -> send(slack, responseUrl, body));
    }

    private static void send(Slack slack, String responseUrl, Map<String, Object> body) {
        try (Response response = slack.getHttpClient().postJsonBody(responseUrl, body)) {
            if (!response.isSuccessful()) {
                log.warn("replacing a message through its response_url answered HTTP {}", response.code());
            }
        } catch (IOException | RuntimeException e) {
            log.warn("replacing a message through its response_url failed: {}", e.getClass().getSimpleName());
        }
    }
}
