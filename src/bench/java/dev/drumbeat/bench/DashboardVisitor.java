package dev.drumbeat.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drumbeat.support.TestDrumbeat;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gets in the way people and scripts do, over HTTP, with nothing written to the database behind Drumbeat's back: a
 * dashboard session from {@code /drumbeat dashboard} (its one-time link, opened at {@code /dashboard/open}, answers with
 * the session cookie) and an admin API token from {@code /drumbeat token create}.
 */
final class DashboardVisitor {
    static final String COOKIE = "drumbeat_dashboard";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINK_TOKEN = Pattern.compile("dashboard/open\\?t=([A-Za-z0-9_-]{43})");
    private static final Pattern API_TOKEN = Pattern.compile("dbt_[A-Za-z0-9_-]{32}");
    private final URI base;
    private final SignedPost events;
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    DashboardVisitor(URI base) {
        this.base = base;
        this.events = new SignedPost(base.resolve("/slack/events"), TestDrumbeat.SIGNING_SECRET);
    }

    /** The session cookie's value for {@code userId}, through the real command and one-time link. */
    String session(String userId) throws IOException, InterruptedException {
        String reply = command(userId, "dashboard");
        Matcher link =
                LINK_TOKEN.matcher(JSON.readTree(reply).findValuesAsText("url").toString());
        if (!link.find()) {
            throw new IllegalStateException("/drumbeat dashboard gave no link: " + reply);
        }
        HttpResponse<String> opened = http.send(
                HttpRequest.newBuilder(base.resolve("/dashboard/open?t=" + link.group(1)))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = opened.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(COOKIE + "="))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no session cookie: HTTP " + opened.statusCode()));
        return cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
    }

    /** A new API token created by the configured admin. */
    String apiToken(String label) throws IOException, InterruptedException {
        String reply = command(TestDrumbeat.ADMIN, "token create " + label);
        Matcher token = API_TOKEN.matcher(reply);
        if (!token.find()) {
            throw new IllegalStateException("/drumbeat token create gave no token: " + reply);
        }
        return token.group();
    }

    private String command(String userId, String text) throws IOException, InterruptedException {
        CommandShots shots = new CommandShots(text, events, AskPortfolio.TEAM, List.of(userId), text, "");
        HttpResponse<String> response = http.send(shots.shot(0).request(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("/drumbeat " + text + ": HTTP " + response.statusCode());
        }
        return response.body();
    }
}
