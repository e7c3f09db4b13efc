package dev.drumbeat.dashboard;

import dev.drumbeat.core.Money;
import dev.drumbeat.db.DatabaseOutage;
import dev.drumbeat.slack.Failures;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.util.Currency;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-only dashboard's pages: {@code /dashboard/open} turns a one-time link into a session cookie, and every
 * other page needs a live session. Anything unexpected ends as a plain HTML error page with a reference, never a
 * stack trace; links, cookies and session ids are never logged.
 */
public final class DashboardRoutes implements Consumer<JavalinConfig> {
    static final String COOKIE = "drumbeat_dashboard";
    private static final Logger log = LoggerFactory.getLogger(DashboardRoutes.class);
    private static final String POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline';"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private final DashboardAccess access;
    private final PortfolioService portfolio;
    private final DashboardCharts charts;
    private final PortfolioPage portfolioPage;
    private final ServicePage servicePage;
    private final PortfolioCsv csv;
    private final boolean secureCookie;

    public DashboardRoutes(
            DashboardAccess access,
            PortfolioService portfolio,
            DashboardCharts charts,
            Currency currency,
            Optional<String> publicUrl) {
        this.access = access;
        this.portfolio = portfolio;
        this.charts = charts;
        Money money = new Money(currency);
        this.portfolioPage = new PortfolioPage(money);
        this.servicePage = new ServicePage(money);
        this.csv = new PortfolioCsv(currency);
        this.secureCookie = publicUrl.filter(url -> url.startsWith("https:")).isPresent();
    }

    @Override
    public void accept(JavalinConfig config) {
        config.routes.get("/dashboard/open", ctx -> safely(ctx, this::open));
        config.routes.get("/dashboard", ctx -> withViewer(ctx, this::showPortfolio));
        config.routes.get("/dashboard/export.csv", ctx -> withViewer(ctx, this::exportCsv));
        config.routes.get("/dashboard/services/{key}", ctx -> withViewer(ctx, this::showService));
        config.routes.post("/dashboard/signout", ctx -> safely(ctx, this::signOut));
    }

    /** Ends the session and forgets the cookie; a POST (a form), so no link prefetcher can sign anyone out. */
    private void signOut(Context ctx) {
        access.end(ctx.cookie(COOKIE));
        ctx.removeCookie(COOKIE, "/dashboard");
        ctx.html(ErrorPages.signedOut());
    }

    private void open(Context ctx) {
        Optional<DashboardAccess.OpenedSession> session = access.open(ctx.queryParam("t"));
        if (session.isEmpty()) {
            ctx.status(HttpStatus.UNAUTHORIZED).html(ErrorPages.expired());
            return;
        }
        ctx.cookie(new Cookie(
                COOKIE,
                session.get().sessionId(),
                "/dashboard",
                (int) session.get().lifetime().toSeconds(),
                secureCookie,
                true,
                null,
                SameSite.LAX));
        ctx.redirect("/dashboard", HttpStatus.SEE_OTHER);
    }

    private void showPortfolio(Context ctx, Viewer viewer) {
        PortfolioFilter filter = PortfolioFilter.parse(ctx.queryParamMap());
        PortfolioService.Portfolio shown = portfolio.portfolio(viewer.teamId(), filter);
        Optional<String> tierChart =
                viewer.seesTierTotals() ? charts.tierCosts().apply(viewer.teamId()) : Optional.empty();
        ctx.html(portfolioPage.render(viewer, shown, filter, tierChart));
    }

    private void exportCsv(Context ctx, Viewer viewer) {
        PortfolioFilter filter = PortfolioFilter.parse(ctx.queryParamMap());
        ctx.contentType("text/csv; charset=utf-8")
                .header(Header.CONTENT_DISPOSITION, "attachment; filename=\"portfolio.csv\"")
                .result(csv.write(portfolio.portfolio(viewer.teamId(), filter).rows()));
    }

    private void showService(Context ctx, Viewer viewer) {
        String key = ctx.pathParam("key");
        portfolio
                .detail(viewer.teamId(), key)
                .ifPresentOrElse(
                        detail -> ctx.html(servicePage.render(detail, charts, viewer.teamId())),
                        () -> ctx.status(HttpStatus.NOT_FOUND).html(ErrorPages.notFound(key)));
    }

    private void withViewer(Context ctx, BiConsumer<Context, Viewer> page) {
        safely(
                ctx,
                c -> access.viewer(c.cookie(COOKIE))
                        .ifPresentOrElse(
                                viewer -> page.accept(c, viewer),
                                () -> c.status(HttpStatus.UNAUTHORIZED).html(ErrorPages.expired())));
    }

    /**
     * Private, uncached, unframed pages; a failure becomes a plain page with a reference for the logs, an unreachable
     * database a 503 page saying to try again.
     */
    private static void safely(Context ctx, Consumer<Context> page) {
        ctx.header(Header.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", POLICY)
                .header("X-Content-Type-Options", "nosniff");
        try {
            page.accept(ctx);
        } catch (RuntimeException e) {
            if (DatabaseOutage.explains(e)) {
                log.warn(
                        "{} {} found the database unavailable: {}", ctx.method(), ctx.path(), DatabaseOutage.reason(e));
                ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .header(Header.RETRY_AFTER, Failures.DATABASE_RETRY_AFTER_SECONDS)
                        .html(ErrorPages.databaseUnavailable());
                return;
            }
            String reference = Failures.reference();
            log.error("{} {} failed (reference {})", ctx.method(), ctx.path(), reference, e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).html(ErrorPages.failure(reference));
        }
    }
}
