package dev.drumbeat.ask;

import dev.drumbeat.slack.CommandRequest;
import dev.drumbeat.slack.Reply;
import dev.drumbeat.slack.Subcommand;

/** `/drumbeat ask <question>`: the answer, seen only by the asker, with a button to share it. */
final class AskCommand implements Subcommand {
    private final AskService asks;
    private final AskViews views;

    AskCommand(AskService asks, AskViews views) {
        this.asks = asks;
        this.views = views;
    }

    @Override
    public String name() {
        return "ask";
    }

    @Override
    public String usage() {
        return "ask <question>";
    }

    @Override
    public String summary() {
        return "ask in plain words, such as `ask what can we deprioritise to save 50k a month?`";
    }

    /** On a large catalog the trade-off questions take a while. */
    @Override
    public boolean mayBeSlow() {
        return true;
    }

    @Override
    public Reply handle(CommandRequest request) {
        AskService.Asked asked = asks.ask(request.actor(), request.args(), request.channelId());
        return Reply.of(asked.answer().fallback(), views.privately(asked, request.actor()));
    }
}
