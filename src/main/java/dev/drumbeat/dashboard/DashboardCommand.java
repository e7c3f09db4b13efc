package dev.drumbeat.dashboard;

import dev.drumbeat.slack.CommandRequest;
import dev.drumbeat.slack.Reply;
import dev.drumbeat.slack.Subcommand;
import java.util.Optional;

/** `/drumbeat dashboard`: an ephemeral one-time link to the read-only web dashboard, for any active person. */
final class DashboardCommand implements Subcommand {
    static final String OPEN_PATH = "dashboard/open?t=";
    private final DashboardAccess access;
    private final Optional<String> publicUrl;

    DashboardCommand(DashboardAccess access, Optional<String> publicUrl) {
        this.access = access;
        this.publicUrl = publicUrl;
    }

    @Override
    public String name() {
        return "dashboard";
    }

    @Override
    public String usage() {
        return "dashboard";
    }

    @Override
    public String summary() {
        return "a one-time link to the web dashboard: the portfolio table, charts and check-in history";
    }

    @Override
    public Reply handle(CommandRequest request) {
        if (publicUrl.isEmpty()) {
            return DashboardViews.noPublicUrl();
        }
        DashboardAccess.IssuedLink link = access.issue(request.actor());
        return DashboardViews.link(
                publicUrl.get() + OPEN_PATH + link.token(),
                link.expiresAt(),
                DashboardAccess.LINK_LIFE,
                viewer(request).seesTierTotals());
    }

    private static Viewer viewer(CommandRequest request) {
        return new Viewer(
                request.actor().teamId(),
                request.actor().userId(),
                request.actor().role());
    }
}
