package dev.drumbeat.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.drumbeat.db.DatabaseOutage;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hosts Bolt on Javalin: verifies the request, refuses with 400 a signed one that is not shaped as Slack sends
 * ({@link SlackRequestShape}), hands the raw body to Bolt unchanged, and writes Bolt's response back. A failure inside
 * Bolt becomes a bare 500 with no details; an unreachable database ({@link DatabaseOutage}) becomes the short sentence
 * for a slash command and a 503 for anything else, so that Slack sends an event again. Thread-safe.
 */
public final class BoltAdapter implements Handler {
    private static final Logger log = LoggerFactory.getLogger(BoltAdapter.class);
    private final App app;
    private final SlackRequestParser parser;
    private final RequestVerifier verifier;

    public BoltAdapter(App app, RequestVerifier verifier) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.verifier = verifier;
    }

    @Override
    public void handle(Context ctx) {
        String body = ctx.body();
        if (!verifier.isValid(ctx.header("X-Slack-Request-Timestamp"), ctx.header("X-Slack-Signature"), body)) {
            ctx.status(401).result("invalid signature or timestamp");
            return;
        }
        Optional<String> tooDeep = SlackRequestShape.bodyProblem(body, ctx.contentType());
        if (tooDeep.isPresent()) {
            refuse(ctx, tooDeep.get(), body);
            return;
        }
        Request<?> request;
        try {
            request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(ctx.path())
                    .queryString(ctx.queryParamMap())
                    .headers(new RequestHeaders(headers(ctx.req())))
                    .requestBody(body)
                    .remoteAddress(ctx.ip())
                    .build());
        } catch (RuntimeException e) {
            refuse(ctx, "unreadable: " + e.getClass().getSimpleName(), body);
            return;
        }
        Optional<String> problem =
                request == null ? Optional.of("not a request Slack sends") : SlackRequestShape.problem(request);
        if (problem.isPresent()) {
            refuse(ctx, problem.get(), body);
            return;
        }
        write(ctx, run(request));
    }

    /** A signed request that is not what Slack sends: 400, and only the start of its body in the log. */
    private static void refuse(Context ctx, String problem, String body) {
        log.warn(
                "refused a signed request that is not what Slack sends ({}): {}", problem, SlackRequestShape.cut(body));
        ctx.status(400).result("not a Slack request: " + problem);
    }

    private Response run(Request<?> request) {
        try {
            return app.run(request);
        } catch (Exception e) {
            if (DatabaseOutage.explains(e)) {
                return databaseUnavailable(request, e);
            }
            String reference = Failures.reference();
            log.error("Bolt failed on a {} request (reference {})", request.getRequestType(), reference, e);
            return Response.builder()
                    .statusCode(500)
                    .contentType("text/plain")
                    .body("")
                    .build();
        }
    }

    /**
     * The database failed before any listener could answer (the replay and retry checks come first): a slash command
     * is told so, in the sentence; anything else gets a 503, which makes Slack send an event again later.
     */
    private static Response databaseUnavailable(Request<?> request, Exception e) {
        log.warn(
                "Slack's {} request found the database unavailable: {}",
                request.getRequestType(),
                DatabaseOutage.reason(e));
        if (request.getRequestType() == RequestType.Command) {
            return Response.json(200, Map.of("response_type", "ephemeral", "text", Failures.DATABASE_UNAVAILABLE));
        }
        return Response.builder()
                .statusCode(503)
                .contentType("text/plain")
                .body(Failures.DATABASE_UNAVAILABLE)
                .build();
    }

    private static void write(Context ctx, Response response) {
        ctx.status(response.getStatusCode() == null ? 200 : response.getStatusCode());
        if (response.getHeaders() != null) {
            response.getHeaders()
                    .forEach((name, values) -> values.forEach(v -> ctx.res().addHeader(name, v)));
        }
        if (response.getContentType() != null) {
            ctx.contentType(response.getContentType());
        }
        ctx.result(response.getBody() == null ? "" : response.getBody());
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return headers;
    }
}
