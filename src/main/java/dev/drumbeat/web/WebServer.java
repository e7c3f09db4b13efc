package dev.drumbeat.web;

import dev.drumbeat.config.Capacity;
import dev.drumbeat.db.Database;
import dev.drumbeat.db.DatabaseOutage;
import dev.drumbeat.metrics.Metrics;
import dev.drumbeat.slack.Failures;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.Header;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drumbeat's HTTP face: Slack's one URL, health and readiness, plus whatever routes the features
 * add. Any unexpected failure is a bare 500 with a reference, never a stack trace; a database that cannot be
 * reached is a 503 with {@code Retry-After}, and readiness says so within two seconds. Sized for Slack's bursts
 * ({@link Capacity}): the operating system holds many connections before they are accepted rather than refusing
 * them, and a bounded number of threads work while further requests wait their turn in the server's queue, not in
 * the database pool's, where a wait of more than a second reads as an outage.
 */
public final class WebServer {
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    private static final long MAX_BODY = 10L * 1024 * 1024;
    private static final String API = "/api/";
    private final Javalin javalin;
    private volatile String host = "0.0.0.0";
    private volatile int port;

    public WebServer(
            Handler slackEvents,
            Database database,
            Metrics metrics,
            Consumer<JavalinConfig> routes,
            Capacity capacity) {
        this.javalin = Javalin.create(config -> {
            config.jetty.threadPool = threads(capacity.httpThreads());
            config.jetty.addConnector((server, http) -> connector(server, http, capacity.acceptQueue()));
            config.http.maxRequestSize = MAX_BODY;
            config.startup.showJavalinBanner = false;
            config.requestLogger.http((ctx, ms) ->
                    metrics.request(route(ctx), ctx.statusCode(), Duration.ofNanos((long) (ms * 1_000_000))));
            config.routes.get(
                    "/metrics",
                    ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                            .result(metrics.scrape()));
            config.routes.post("/slack/events", slackEvents);
            config.routes.get("/healthz", ctx -> ctx.result("ok"));
            config.routes.get("/readyz", ctx -> {
                boolean ready = database.isReachable();
                ctx.status(ready ? 200 : 503).result(ready ? "ready" : "database unreachable");
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                if (DatabaseOutage.explains(e)) {
                    databaseUnavailable(ctx, e);
                    return;
                }
                String reference = Failures.reference();
                log.error("{} {} failed (reference {})", ctx.method(), ctx.path(), reference, e);
                ctx.status(500).result("internal error, reference " + reference);
            });
            routes.accept(config);
        });
    }

    private static QueuedThreadPool threads(int most) {
        QueuedThreadPool threads = new QueuedThreadPool(most, Math.min(8, most), 60_000);
        threads.setName("http");
        return threads;
    }

    private ServerConnector connector(Server server, HttpConfiguration http, int acceptQueue) {
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setAcceptQueueSize(acceptQueue);
        return connector;
    }

    /** 503 with Retry-After: the API's {@code {"error": …}}, or the sentence as plain text. */
    private static void databaseUnavailable(Context ctx, Exception e) {
        log.warn("{} {} found the database unavailable: {}", ctx.method(), ctx.path(), DatabaseOutage.reason(e));
        ctx.status(503).header(Header.RETRY_AFTER, Failures.DATABASE_RETRY_AFTER_SECONDS);
        if (ctx.path().startsWith(API)) {
            ctx.json(Map.of("error", Failures.DATABASE_UNAVAILABLE));
        } else {
            ctx.result(Failures.DATABASE_UNAVAILABLE);
        }
    }

    /** The matched route's pattern, so every path of one route counts together; unmatched requests count as one. */
    private static String route(Context ctx) {
        try {
            return ctx.endpoint().path;
        } catch (RuntimeException unmatched) {
            return "unmatched";
        }
    }

    public WebServer start(String host, int port) {
        this.host = host;
        this.port = port;
        javalin.start(host, port);
        return this;
    }

    public int port() {
        return javalin.port();
    }

    public void stop() {
        javalin.stop();
    }
}
