package dev.drumbeat.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import java.util.Optional;

/**
 * A click on a button, as its handler needs it: the action id, the element's value ({@code ""} when it has none),
 * the conversation it happened in, the message the button is on, the message's {@code response_url}, and whether
 * the button is on the clicker's Home tab.
 */
public record Click(
        String actionId,
        String value,
        Optional<String> channelId,
        Optional<Message> message,
        String responseUrl,
        boolean onHomeTab) {

    /** The message holding the button; an ephemeral one can only be changed through {@link #responseUrl}. */
    public record Message(String channelId, String ts, boolean ephemeral) {}

    static Click of(BlockActionPayload payload) {
        Optional<BlockActionPayload.Action> action = Optional.ofNullable(payload.getActions())
                .flatMap(actions -> actions.stream().findFirst());
        return new Click(
                action.map(BlockActionPayload.Action::getActionId).orElse(""),
                action.map(BlockActionPayload.Action::getValue).orElse(""),
                Optional.ofNullable(payload.getChannel()).map(BlockActionPayload.Channel::getId),
                Optional.ofNullable(payload.getContainer())
                        .map(c -> new Message(c.getChannelId(), c.getMessageTs(), c.isEphemeral())),
                payload.getResponseUrl(),
                payload.getView() != null && "home".equals(payload.getView().getType()));
    }

    /** The value as a row id, when it is one. */
    public Optional<Long> id() {
        return Optional.of(value).filter(v -> v.matches("\\d{1,18}")).map(Long::valueOf);
    }
}
