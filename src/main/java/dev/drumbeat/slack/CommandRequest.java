package dev.drumbeat.slack;

import com.slack.api.model.view.View;
import dev.drumbeat.core.Actor;

/**
 * A parsed `/drumbeat` call: who, the words after the subcommand, and a way to open a modal. {@code args} is what was
 * typed, Slack's escaping of {@code &}, {@code <} and {@code >} undone and its mentions left as tokens, so whatever a
 * reply quotes from it goes through {@link SlackBlocks#escape}.
 */
public record CommandRequest(Actor actor, String args, String channelId, ModalOpener modals) {

    /** Opens a modal on the trigger of this command; must run before anything slow (trigger ids live 3 s). */
    public interface ModalOpener {
        void open(View view);
    }
}
