package dev.drumbeat.catalog.csv;

import dev.drumbeat.apitoken.ApiTokenGuard;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.UserError;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The catalog CSV over HTTP for admins' scripts: GET exports, POST imports (all or nothing), both
 * behind an API token. Bad input is always a 4xx that says what to fix, never a 5xx.
 */
public final class CatalogRoutes implements Consumer<JavalinConfig> {
    public static final String PATH = "/api/v1/catalog.csv";
    private final CatalogImportService importer;
    private final CatalogExport export;
    private final ApiTokenGuard guard;

    public CatalogRoutes(CatalogImportService importer, CatalogExport export, ApiTokenGuard guard) {
        this.importer = importer;
        this.export = export;
        this.guard = guard;
    }

    @Override
    public void accept(JavalinConfig config) {
        config.routes.get(PATH, this::exportCsv);
        config.routes.post(PATH, this::importCsv);
    }

    void exportCsv(Context ctx) {
        guard.admin(ctx)
                .ifPresent(actor -> ctx.contentType("text/csv; charset=utf-8")
                        .header(Header.CONTENT_DISPOSITION, "attachment; filename=\"catalog.csv\"")
                        .result(export.csv(actor.teamId()).getBytes(StandardCharsets.UTF_8)));
    }

    void importCsv(Context ctx) {
        Optional<Actor> actor = guard.admin(ctx);
        if (actor.isEmpty()) {
            return;
        }
        if (ctx.isMultipart()) {
            error(
                    ctx,
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Send the CSV itself as the request body, with"
                            + " Content-Type: text/csv (curl: --data-binary @catalog.csv), not as a form upload.");
            return;
        }
        readBody(ctx).ifPresent(body -> answer(ctx, actor.get(), body));
    }

    private void answer(Context ctx, Actor actor, byte[] body) {
        try {
            CatalogImportResult result = importer.importCsv(actor.teamId(), actor.auditName(), body);
            if (result instanceof CatalogImportResult.Imported imported) {
                ctx.json(imported(imported));
            } else {
                ctx.status(HttpStatus.UNPROCESSABLE_CONTENT).json(rejected((CatalogImportResult.Rejected) result));
            }
        } catch (UserError e) {
            error(ctx, HttpStatus.CONFLICT, e.getMessage());
        }
    }

    /** The body, or empty once a 413 has been answered: Javalin refuses to read more than its request limit. */
    private static Optional<byte[]> readBody(Context ctx) {
        try {
            return Optional.of(ctx.bodyAsBytes());
        } catch (HttpResponseException e) {
            if (e.getStatus() != HttpStatus.CONTENT_TOO_LARGE.getCode()) {
                throw e;
            }
            error(
                    ctx,
                    HttpStatus.CONTENT_TOO_LARGE,
                    "The CSV is larger than the 10 MB Drumbeat accepts;"
                            + " nothing was imported. Split it into several files (services not in a file are left alone).");
            return Optional.empty();
        }
    }

    private static Map<String, Object> imported(CatalogImportResult.Imported result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("imported", true);
        json.put("created", result.created());
        json.put("updated", result.updated());
        json.put("unchanged", result.unchanged());
        json.put("untouched", result.untouched());
        json.put("measures", result.measures());
        json.put("message", result.summary());
        return json;
    }

    private static Map<String, Object> rejected(CatalogImportResult.Rejected result) {
        List<Map<String, Object>> errors =
                result.problems().stream().map(CatalogRoutes::problem).toList();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("imported", false);
        json.put("errors", errors);
        return json;
    }

    private static Map<String, Object> problem(CatalogCsvProblem problem) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("line", problem.line());
        json.put("column", problem.column().isEmpty() ? null : problem.column());
        json.put("reason", problem.reason());
        return json;
    }

    private static void error(Context ctx, HttpStatus status, String message) {
        ctx.status(status).json(Map.of("error", message));
    }
}
