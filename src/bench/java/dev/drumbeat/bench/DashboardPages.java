package dev.drumbeat.bench;

import dev.drumbeat.chart.ChartLinks;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * The requests the dashboard benchmark sends, each with how to tell its answer is right: the pages a person opens with
 * a session cookie, the JSON a script reads with an API token, the chart images a page or Slack fetches through signed
 * links, and {@code /healthz} as the baseline. Request {@code i} of a page that takes a service or KPI names the
 * {@code i}-th of those in turn. Thread-safe.
 */
final class DashboardPages {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String FILTER = "tier=core&sort=cost&dir=desc";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
    private final URI base;
    private final String session;
    private final String apiToken;
    private final int services;

    /**
     * One kind of request: its name in the table, request {@code i}, whether a 200's body is the right answer, and
     * whether it accepts gzip as a browser does.
     */
    record Endpoint(String name, IntFunction<HttpRequest> request, Predicate<byte[]> accepts, boolean gzip) {
        Endpoint(String name, IntFunction<HttpRequest> request, Predicate<byte[]> accepts) {
            this(name, request, accepts, true);
        }

        /** The same request without {@code Accept-Encoding}, as {@code curl} sends it: the body comes uncompressed. */
        Endpoint uncompressed() {
            return new Endpoint(name + ", uncompressed", request, accepts, false);
        }
    }

    DashboardPages(URI base, String session, String apiToken, int services) {
        this.base = base;
        this.session = session;
        this.apiToken = apiToken;
        this.services = services;
    }

    Endpoint healthz() {
        return new Endpoint(
                "`GET /healthz` (baseline)",
                i -> get("/healthz").build(),
                body -> text(body).equals("ok"));
    }

    List<Endpoint> pages(List<String> serviceKeys) {
        String all = services + " of " + services + " services";
        return List.of(
                page(
                        "`GET /dashboard` (default sort: margin)",
                        i -> "/dashboard",
                        body -> text(body).contains(all)),
                page(
                        "`GET /dashboard?" + FILTER + "`",
                        i -> "/dashboard?" + FILTER,
                        body -> text(body).contains(" of " + services + " services")
                                && !text(body).contains(all)),
                page("`GET /dashboard/export.csv`", i -> "/dashboard/export.csv", body -> lines(body) == services + 1),
                page(
                        "`GET /dashboard/services/{key}`",
                        i -> "/dashboard/services/" + serviceKeys.get(i % serviceKeys.size()),
                        body -> text(body).contains("<h2>Check-in history</h2>")
                                && text(body).contains("/charts/kpi/")),
                new Endpoint(
                        "`GET /api/v1/portfolio`",
                        i -> get("/api/v1/portfolio")
                                .header("Authorization", "Bearer " + apiToken)
                                .build(),
                        body -> text(body).startsWith("{\"currency\":\"USD\",\"count\":" + services + ",")));
    }

    /** Signed as {@link ChartLinks} signs them for the dashboard; KPI charts go through {@code kpiIds} in turn. */
    List<Endpoint> charts(ChartLinks links, String teamId, List<Long> kpiIds) {
        return List.of(
                new Endpoint(
                        "`GET /charts/kpi/{id}.png`",
                        i -> get(links.kpiTrend(teamId, kpiIds.get(i % kpiIds.size())))
                                .build(),
                        DashboardPages::isPng),
                new Endpoint(
                        "`GET /charts/tiers.png`",
                        i -> get(links.tierCosts(teamId)).build(),
                        DashboardPages::isPng));
    }

    private Endpoint page(String name, IntFunction<String> path, Predicate<byte[]> accepts) {
        return new Endpoint(
                name,
                i -> get(path.apply(i))
                        .header("Cookie", DashboardVisitor.COOKIE + "=" + session)
                        .build(),
                accepts);
    }

    private HttpRequest.Builder get(String pathAndQuery) {
        return HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(TIMEOUT)
                .GET();
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static long lines(byte[] body) {
        long lines = 0;
        for (byte b : body) {
            lines += b == '\n' ? 1 : 0;
        }
        return lines;
    }

    private static boolean isPng(byte[] body) {
        if (body.length < PNG.length) {
            return false;
        }
        for (int i = 0; i < PNG.length; i++) {
            if (body[i] != PNG[i]) {
                return false;
            }
        }
        return true;
    }
}
