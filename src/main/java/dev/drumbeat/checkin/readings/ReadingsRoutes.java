package dev.drumbeat.checkin.readings;

import dev.drumbeat.apitoken.ApiTokenGuard;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code /api/v1/services/{service}/kpis/{kpi}/readings} for monitoring systems, behind an API token: POST
 * stores one reading (201 created, 200 updated or unchanged), GET shows the last twelve. Bad input is always
 * a 4xx with {@code {"error": "…"}} saying what is expected, never a 5xx.
 */
public final class ReadingsRoutes implements Consumer<JavalinConfig> {
    public static final String PATH = "/api/v1/services/{service}/kpis/{kpi}/readings";
    private final ReadingsService readings;
    private final ApiTokenGuard guard;

    public ReadingsRoutes(ReadingsService readings, ApiTokenGuard guard) {
        this.readings = readings;
        this.guard = guard;
    }

    @Override
    public void accept(JavalinConfig config) {
        config.routes.post(PATH, this::post);
        config.routes.get(PATH, this::get);
    }

    void post(Context ctx) {
        Optional<ApiTokenGuard.Caller> caller = guard.caller(ctx);
        if (caller.isEmpty()) {
            return;
        }
        answer(ctx, () -> {
            ReadingsRequest request = ReadingsRequest.parse(body(ctx));
            ReadingsService.Stored stored = readings.record(
                    caller.get().actor(),
                    Optional.of(caller.get().tokenId()),
                    ctx.pathParam("service"),
                    ctx.pathParam("kpi"),
                    request);
            ctx.status(stored.outcome() == ReadingsService.Outcome.CREATED ? HttpStatus.CREATED : HttpStatus.OK)
                    .json(stored(stored));
        });
    }

    void get(Context ctx) {
        guard.admin(ctx)
                .ifPresent(actor -> answer(ctx, () -> {
                    ReadingsService.History history =
                            readings.latest(actor, ctx.pathParam("service"), ctx.pathParam("kpi"));
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("service", history.service().serviceKey());
                    json.put("kpi", history.kpi().key());
                    json.put("unit", history.kpi().unit());
                    json.put("target", history.kpi().target());
                    json.put(
                            "readings",
                            history.readings().stream()
                                    .map(ReadingsRoutes::reading)
                                    .toList());
                    ctx.json(json);
                }));
    }

    private static void answer(Context ctx, Runnable work) {
        try {
            work.run();
        } catch (ReadingsRefusal e) {
            ctx.status(e.status()).json(Map.of("error", e.getMessage()));
        }
    }

    /** The body as text; a body over Javalin's request limit is a 413 like any other refusal. */
    private static String body(Context ctx) {
        try {
            return ctx.body();
        } catch (HttpResponseException e) {
            if (e.getStatus() != HttpStatus.CONTENT_TOO_LARGE.getCode()) {
                throw e;
            }
            throw new ReadingsRefusal(
                    e.getStatus(),
                    "A reading is a small JSON object such as " + ReadingsRequest.EXAMPLE
                            + "; this body is far too large.");
        }
    }

    private static Map<String, Object> stored(ReadingsService.Stored stored) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("service", stored.service().serviceKey());
        json.put("kpi", stored.kpi().key());
        json.put("outcome", stored.outcome().name().toLowerCase(Locale.ROOT));
        json.putAll(reading(stored.reading()));
        return json;
    }

    private static Map<String, Object> reading(ReadingsDao.Reading reading) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("period", reading.periodStart().toString());
        json.put("value", reading.value());
        json.put("source", reading.source());
        json.put("recorded_at", reading.recordedAt().toString());
        json.put("recorded_by", reading.recordedBy().orElse(null));
        return json;
    }
}
