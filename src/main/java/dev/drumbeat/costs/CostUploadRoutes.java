package dev.drumbeat.costs;

import dev.drumbeat.apitoken.ApiTokenGuard;
import dev.drumbeat.config.CostsIntake;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Money;
import dev.drumbeat.core.UserError;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code POST /api/v1/costs/imports}: an admin's script uploads a provider's export, every part at once, as a form
 * upload ({@code curl -F file=@part_0_0001.csv.gz -F file=@part_0_0002.csv.gz}), behind an API token. The files
 * stream to disk, a folder per upload, and are imported whole or not at all; the answer has the lines {@code drumbeat
 * costs import} prints. An upload over the limit is a 413 that says how to import a big export instead, refused
 * before it is sent when its length says so; bills Drumbeat refuses are a 400 with the sentence. Bad input never gets
 * a 5xx.
 */
final class CostUploadRoutes implements Consumer<JavalinConfig> {
    static final String PATH = "/api/v1/costs/imports";
    private static final String HOW = "curl -H \"Authorization: Bearer $TOKEN\" -F file=@part_0_0001.csv.gz"
            + " -F file=@part_0_0002.csv.gz <drumbeat>" + PATH;

    private final CostImportService importer;
    private final CostUploads uploads;
    private final CostIntakeRecords records;
    private final ApiTokenGuard guard;
    private final Currency currency;

    CostUploadRoutes(
            CostImportService importer,
            CostUploads uploads,
            CostIntakeRecords records,
            ApiTokenGuard guard,
            Currency currency) {
        this.importer = importer;
        this.uploads = uploads;
        this.records = records;
        this.guard = guard;
        this.currency = currency;
    }

    @Override
    public void accept(JavalinConfig config) {
        config.routes.post(PATH, this::upload);
    }

    void upload(Context ctx) throws IOException {
        Optional<Actor> actor = guard.admin(ctx);
        if (actor.isEmpty()) {
            return;
        }
        if (!ctx.isMultipart()) {
            error(ctx, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the export's files as a form upload: " + HOW);
            return;
        }
        if (ctx.req().getContentLengthLong() > uploads.limit()) {
            error(ctx, HttpStatus.CONTENT_TOO_LARGE, tooLarge());
            return;
        }
        try {
            CostUploads.Upload upload =
                    uploads.receive(ctx.contentType(), ctx.req().getInputStream());
            answer(ctx, actor.get(), upload);
        } catch (CostUploads.TooLarge e) {
            error(ctx, HttpStatus.CONTENT_TOO_LARGE, tooLarge());
        } catch (UserError e) {
            error(ctx, HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    /** Imports the upload's files, or discards them when they are refused. */
    private void answer(Context ctx, Actor actor, CostUploads.Upload upload) {
        CostImportService.Imported imported;
        try {
            imported = importer.importFiles(actor.teamId(), actor.auditName(), upload.files(), currency);
        } catch (RuntimeException e) {
            try {
                upload.discard();
            } catch (RuntimeException left) {
                // the uploader needs to hear why the import failed, not that its leftovers could not go
                e.addSuppressed(left);
            }
            throw e;
        }
        records.imported(
                actor.teamId(),
                CostIntakeRecords.UPLOAD,
                upload.folder(),
                upload.files().stream().map(CostIntakeFile::of).toList(),
                imported.importId());
        int files = upload.files().size();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("imported", true);
        json.put("importId", imported.importId());
        json.put("rows", imported.rows());
        json.put(
                "files",
                upload.files().stream()
                        .map(Path::getFileName)
                        .map(Path::toString)
                        .toList());
        json.put("lines", CostImportService.describe(imported, new Money(currency)));
        json.put(
                "message",
                "Imported " + imported.rows() + " rows from " + files + " file" + (files == 1 ? "" : "s") + " into "
                        + actor.teamId() + ".");
        ctx.json(json);
    }

    private String tooLarge() {
        return "That upload is larger than the " + CostsIntake.size(uploads.limit()) + " Drumbeat takes over HTTP"
                + " (DRUMBEAT_COSTS_MAX_UPLOAD), so nothing was kept or imported. Import a big export from the folder"
                + " Drumbeat scans (DRUMBEAT_COSTS_DIR), or with `drumbeat costs import <files…>` on the server.";
    }

    private static void error(Context ctx, HttpStatus status, String message) {
        ctx.status(status).json(Map.of("error", message));
    }
}
