package dev.drumbeat.ask;

import dev.drumbeat.ask.decision.DecisionService;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.UserError;
import dev.drumbeat.slack.CommandRequest;
import dev.drumbeat.slack.Reply;
import dev.drumbeat.slack.Subcommand;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** `/drumbeat decisions` lists what leadership decided; `/drumbeat decisions undo <number>` takes one back. */
public final class DecisionsCommand implements Subcommand {
    private static final Pattern UNDO = Pattern.compile("(?i)undo\\s+#?(\\d{1,18})");
    private static final Pattern PAGE = Pattern.compile("(?i)(?:page\\s+)?(\\d{1,6})");
    private final DecisionService decisions;
    private final AskViews views;

    public DecisionsCommand(DecisionService decisions, AskViews views) {
        this.decisions = decisions;
        this.views = views;
    }

    @Override
    public String name() {
        return "decisions";
    }

    @Override
    public String usage() {
        return "decisions [page <n>] [undo <number>]";
    }

    @Override
    public String summary() {
        return "the decisions recorded from Drumbeat's answers, with Undo";
    }

    @Override
    public Reply handle(CommandRequest request) {
        String args = request.args().strip();
        Matcher page = PAGE.matcher(args);
        if (args.isEmpty() || page.matches()) {
            return list(request.actor(), args.isEmpty() ? 1 : Math.max(1, Integer.parseInt(page.group(1))));
        }
        Matcher undo = UNDO.matcher(args);
        if (!undo.matches()) {
            throw new UserError("Use `/drumbeat decisions` to list them (`/drumbeat decisions page 2` for older ones),"
                    + " or `/drumbeat decisions undo 12` to undo #12.");
        }
        DecisionService.Recorded undone = decisions.undo(request.actor(), Long.parseLong(undo.group(1)));
        return Reply.text(DecisionReplies.undone(undone));
    }

    private Reply list(Actor viewer, int number) {
        DecisionService.Page page = decisions.page(viewer.teamId(), number);
        if (page.total() == 0) {
            return Reply.text("No decisions recorded yet. Leadership and admins record one by asking `/drumbeat ask"
                    + " what can we deprioritise to save 50k a month?` and pressing *Record decision* on the answer.");
        }
        if (page.decisions().isEmpty()) {
            return Reply.text("There " + (page.total() == 1 ? "is 1 decision" : "are " + page.total() + " decisions")
                    + ", so no page " + number + ". `/drumbeat decisions` shows the newest.");
        }
        return Reply.of("Decisions, newest first", views.decisions(page, DecisionService.mayDecide(viewer)));
    }
}
