package dev.drumbeat.bench;

import dev.drumbeat.slack.RequestVerifier;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Builds a form POST signed the way Slack signs it, with the benchmark's two-second timeout. Thread-safe. */
final class SignedPost {
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    private final URI url;
    private final byte[] secret;

    SignedPost(URI url, String signingSecret) {
        this.url = url;
        this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
    }

    HttpRequest of(String body) {
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        return HttpRequest.newBuilder(url)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", RequestVerifier.sign(secret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
