package dev.drumbeat.people;

import dev.drumbeat.slack.CommandRequest;
import dev.drumbeat.slack.Reply;
import dev.drumbeat.slack.Subcommand;

/** `/drumbeat back`: ends an away spell early, so check-ins come to you again. */
public final class AwayBackCommand implements Subcommand {
    private final AwayService away;

    public AwayBackCommand(AwayService away) {
        this.away = away;
    }

    @Override
    public String name() {
        return "back";
    }

    @Override
    public String usage() {
        return "back";
    }

    @Override
    public String summary() {
        return "you're back from being away; check-ins come to you again";
    }

    @Override
    public Reply handle(CommandRequest request) {
        return Reply.text(AwayReplies.returned(away.markBack(request.actor())));
    }
}
