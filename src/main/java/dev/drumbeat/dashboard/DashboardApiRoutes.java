package dev.drumbeat.dashboard;

import dev.drumbeat.apitoken.ApiTokenGuard;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Currency;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The dashboard's data as JSON for scripts, behind an admin API token: {@code GET /api/v1/portfolio} takes the
 * table's filters and sort as query parameters; {@code GET /api/v1/services/{key}} is one service with its KPIs and
 * check-in history. See {@link DashboardJson} for how numbers are written.
 */
public final class DashboardApiRoutes implements Consumer<JavalinConfig> {
    public static final String PORTFOLIO = "/api/v1/portfolio";
    public static final String SERVICE = "/api/v1/services/{key}";
    private final PortfolioService portfolio;
    private final ApiTokenGuard guard;
    private final String currency;

    public DashboardApiRoutes(PortfolioService portfolio, ApiTokenGuard guard, Currency currency) {
        this.portfolio = portfolio;
        this.guard = guard;
        this.currency = currency.getCurrencyCode();
    }

    @Override
    public void accept(JavalinConfig config) {
        config.routes.get(PORTFOLIO, this::portfolio);
        config.routes.get(SERVICE, this::service);
    }

    void portfolio(Context ctx) {
        guard.admin(ctx).ifPresent(actor -> {
            PortfolioFilter filter = PortfolioFilter.parse(ctx.queryParamMap());
            ctx.json(DashboardJson.portfolio(portfolio.portfolio(actor.teamId(), filter), filter, currency));
        });
    }

    void service(Context ctx) {
        guard.admin(ctx).ifPresent(actor -> {
            String key = ctx.pathParam("key");
            portfolio
                    .detail(actor.teamId(), key)
                    .ifPresentOrElse(
                            detail -> ctx.json(DashboardJson.detail(detail, currency)),
                            () -> ctx.status(HttpStatus.NOT_FOUND)
                                    .json(Map.of(
                                            "error",
                                            "There is no service `" + key + "`. GET " + PORTFOLIO + " lists them.")));
        });
    }
}
