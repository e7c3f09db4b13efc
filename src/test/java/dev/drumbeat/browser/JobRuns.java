package dev.drumbeat.browser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * How many times a scheduled job has run, read from the demo's {@code /metrics}: the clock control only
 * triggers the jobs, so a test that moves days one at a time waits for each day's run before the next.
 */
final class JobRuns {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private JobRuns() {}

    static double of(SandboxBrowser browser, String job) {
        String selector = "job=\"" + job + "\"";
        return metrics(browser)
                .lines()
                .filter(line -> line.startsWith("drumbeat_job_runs_total{") && line.contains(selector))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static String metrics(SandboxBrowser browser) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(browser.url("/metrics")))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException("could not read the demo's metrics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
