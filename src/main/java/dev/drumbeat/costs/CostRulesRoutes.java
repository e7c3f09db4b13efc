package dev.drumbeat.costs;

import dev.drumbeat.apitoken.ApiTokenGuard;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.UserError;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The allocation rules as CSV over HTTP for admins' scripts, behind an API token: GET writes them, PUT replaces them
 * all (audited) and re-allocates the months already imported. A bad line is a 400 naming it, and changes nothing.
 */
final class CostRulesRoutes implements Consumer<JavalinConfig> {
    static final String PATH = "/api/v1/costs/rules";
    private final CostRules rules;
    private final CostRuleChanges changes;
    private final ApiTokenGuard guard;

    CostRulesRoutes(CostRules rules, CostRuleChanges changes, ApiTokenGuard guard) {
        this.rules = rules;
        this.changes = changes;
        this.guard = guard;
    }

    @Override
    public void accept(JavalinConfig config) {
        config.routes.get(PATH, this::read);
        config.routes.put(PATH, this::replace);
    }

    private void read(Context ctx) {
        guard.admin(ctx)
                .ifPresent(actor -> ctx.contentType("text/csv; charset=utf-8")
                        .header(Header.CONTENT_DISPOSITION, "attachment; filename=\"cost-rules.csv\"")
                        .result(rules.csv(actor.teamId())));
    }

    private void replace(Context ctx) {
        Optional<Actor> actor = guard.admin(ctx);
        if (actor.isEmpty()) {
            return;
        }
        Optional<byte[]> body = body(ctx);
        if (body.isEmpty()) {
            return;
        }
        try {
            CostRuleChanges.Outcome outcome = changes.replace(actor.get(), body.get());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("rules", outcome.changed().after());
            json.put("message", String.join(" ", outcome.summary()));
            ctx.json(json);
        } catch (UserError e) {
            ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", e.getMessage()));
        }
    }

    /** The body, or empty once a 413 has been answered. */
    private static Optional<byte[]> body(Context ctx) {
        try {
            return Optional.of(ctx.bodyAsBytes());
        } catch (HttpResponseException e) {
            if (e.getStatus() != HttpStatus.CONTENT_TOO_LARGE.getCode()) {
                throw e;
            }
            ctx.status(HttpStatus.CONTENT_TOO_LARGE)
                    .json(Map.of("error", "That is far more than a rules file; nothing was changed."));
            return Optional.empty();
        }
    }
}
