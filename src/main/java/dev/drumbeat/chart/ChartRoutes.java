package dev.drumbeat.chart;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Chart images behind signed links ({@link ChartLinks}): {@code GET /charts/kpi/{kpiId}.png},
 * {@code GET /charts/costs/{serviceId}.png} (plan against actual) and {@code GET /charts/tiers.png}. A missing, altered
 * or expired link is a 403, a KPI or service the workspace does not have a 404,
 * each with one plain sentence; a good link gets a PNG that browsers and Slack may cache privately for ten minutes.
 */
public final class ChartRoutes implements Consumer<JavalinConfig> {
    static final String CACHE = "private, max-age=600";
    private final ChartLinks links;
    private final ChartData data;
    private final ChartRenderer renderer;

    public ChartRoutes(ChartLinks links, ChartData data, Currency currency) {
        this.links = links;
        this.data = data;
        this.renderer = new ChartRenderer(currency);
    }

    @Override
    public void accept(JavalinConfig config) {
        config.routes.get(ChartLinks.KPI_PREFIX + "{kpiId}" + ChartLinks.PNG, this::kpiTrend);
        config.routes.get(ChartLinks.TIERS_PATH, this::tierCosts);
        config.routes.get(ChartLinks.COSTS_PREFIX + "{serviceId}" + ChartLinks.PNG, this::planActual);
    }

    void kpiTrend(Context ctx) {
        String id = ctx.pathParam("kpiId");
        if (!id.matches("\\d{1,18}")) {
            refuse(ctx, HttpStatus.NOT_FOUND, "There is no such chart.");
            return;
        }
        long kpiId = Long.parseLong(id);
        if (isAllowed(ctx, ChartLinks.kpiPath(kpiId), Optional.empty())) {
            data.trend(team(ctx), kpiId)
                    .ifPresentOrElse(
                            trend -> png(ctx, renderer.kpiTrend(trend)),
                            () -> refuse(ctx, HttpStatus.NOT_FOUND, "That KPI is not in this workspace any more."));
        }
    }

    void planActual(Context ctx) {
        String id = ctx.pathParam("serviceId");
        if (!id.matches("\\d{1,18}")) {
            refuse(ctx, HttpStatus.NOT_FOUND, "There is no such chart.");
            return;
        }
        long serviceId = Long.parseLong(id);
        if (isAllowed(ctx, ChartLinks.costsPath(serviceId), Optional.empty())) {
            data.planActual(team(ctx), serviceId)
                    .ifPresentOrElse(
                            costs -> png(ctx, renderer.planActual(costs)),
                            () -> refuse(ctx, HttpStatus.NOT_FOUND, "That service is not in this workspace any more."));
        }
    }

    void tierCosts(Context ctx) {
        Optional<String> at = Optional.ofNullable(ctx.queryParam("at"));
        if (isAllowed(ctx, ChartLinks.TIERS_PATH, at)) {
            TierCosts costs = at.map(a -> data.tierCosts(team(ctx), Instant.ofEpochSecond(Long.parseLong(a))))
                    .orElseGet(() -> data.tierCosts(team(ctx)));
            png(ctx, renderer.tierCosts(costs));
        }
    }

    /** True when the link is good; otherwise answers 403 and says why. */
    private boolean isAllowed(Context ctx, String path, Optional<String> at) {
        ChartLinks.Check check = links.check(path, team(ctx), at, ctx.queryParam("exp"), ctx.queryParam("sig"));
        if (check == ChartLinks.Check.EXPIRED) {
            refuse(ctx, HttpStatus.FORBIDDEN, "This chart link has expired. Ask Drumbeat again for a fresh chart.");
        } else if (check == ChartLinks.Check.BAD) {
            refuse(
                    ctx,
                    HttpStatus.FORBIDDEN,
                    "This chart link is not valid. Use the link Drumbeat gave you, unchanged.");
        }
        return check == ChartLinks.Check.GOOD;
    }

    private static String team(Context ctx) {
        return ctx.queryParam("team");
    }

    private static void png(Context ctx, byte[] image) {
        ctx.contentType("image/png").header(Header.CACHE_CONTROL, CACHE).result(image);
    }

    private static void refuse(Context ctx, HttpStatus status, String message) {
        ctx.status(status)
                .contentType("text/plain; charset=utf-8")
                .header(Header.CACHE_CONTROL, "no-store")
                .result(message);
    }
}
