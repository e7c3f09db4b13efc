package dev.drumbeat.dashboard;

/**
 * The dashboard's plain pages for when there is nothing to show: no session, no such service, the database
 * unavailable, a failure.
 */
final class ErrorPages {
    private ErrorPages() {}

    static String expired() {
        return Html.page(
                "Link used or expired",
                "<h1>This dashboard link has been used or has expired</h1>"
                        + "<p>Each link opens the dashboard once, within 15 minutes, and a session lasts 8 hours."
                        + " Run <code>/drumbeat dashboard</code> in Slack again for a new link.</p>");
    }

    static String signedOut() {
        return Html.page(
                "Signed out",
                "<h1>You have signed out of the dashboard</h1>"
                        + "<p>Run <code>/drumbeat dashboard</code> in Slack for a new link.</p>");
    }

    static String notFound(String key) {
        return Html.page(
                "No such service",
                "<h1>There is no service “" + Html.escape(key) + "”</h1>"
                        + "<p>It may have been retired or renamed. <a href=\"/dashboard\">Back to the portfolio</a>.</p>");
    }

    static String databaseUnavailable() {
        return Html.page(
                "Database unavailable", "<h1>Drumbeat's database is unavailable</h1><p>Try again in a minute.</p>");
    }

    static String failure(String reference) {
        return Html.page(
                "Something went wrong",
                "<h1>Something went wrong</h1><p>Drumbeat could not show this page."
                        + " Try again in a moment; if it keeps happening, give an admin the reference <code>"
                        + Html.escape(reference) + "</code>.</p>");
    }
}
