package dev.drumbeat.dashboard;

import dev.drumbeat.slack.CommandRouter;
import dev.drumbeat.slack.Interactions;
import java.util.Optional;

/**
 * The dashboard's Slack side: the `/drumbeat dashboard` subcommand, and an acknowledgement for its link button
 * (Slack reports a click on a URL button to the app too, and shows a warning when nobody answers).
 */
public final class DashboardListeners {
    private final DashboardAccess access;
    private final Optional<String> publicUrl;

    public DashboardListeners(DashboardAccess access, Optional<String> publicUrl) {
        this.access = access;
        this.publicUrl = publicUrl;
    }

    public void register(CommandRouter router, Interactions interactions) {
        router.add(new DashboardCommand(access, publicUrl));
        interactions.acknowledge(DashboardViews.OPEN);
    }
}
