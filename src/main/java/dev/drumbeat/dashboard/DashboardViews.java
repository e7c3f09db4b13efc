package dev.drumbeat.dashboard;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import dev.drumbeat.slack.Reply;
import dev.drumbeat.slack.SlackBlocks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Block Kit for `/drumbeat dashboard`: the one-time link button, or what an admin must set first. */
final class DashboardViews {
    static final String OPEN = "dashboard-open";

    private DashboardViews() {}

    static Reply link(String url, Instant expiresAt, Duration lifetime, boolean seesTotals) {
        String what = seesTotals ? "the portfolio, with totals by tier" : "the portfolio";
        String text = ":bar_chart: Your dashboard link shows " + what + ". It works once, within "
                + lifetime.toMinutes() + " minutes, and only for you: don't share it.";
        List<LayoutBlock> blocks = List.of(
                SlackBlocks.markdown(text),
                actions(a -> a.elements(List.of(button(
                        b -> b.actionId(OPEN).url(url).style("primary").text(plainText("Open the dashboard")))))),
                SlackBlocks.note("Expires <!date^" + expiresAt.getEpochSecond() + "^{time}|in " + lifetime.toMinutes()
                        + " minutes>. Run `/drumbeat dashboard` again for a new link."));
        return Reply.of(text, blocks);
    }

    static Reply noPublicUrl() {
        return Reply.text("The dashboard isn't available yet: Drumbeat doesn't know the web address people reach it at."
                + " A Drumbeat admin sets the environment variable `DRUMBEAT_PUBLIC_URL` (for example"
                + " `https://drumbeat.example.com`) where Drumbeat runs, and restarts it; the README's configuration"
                + " table describes it. Then run `/drumbeat dashboard` again.");
    }
}
