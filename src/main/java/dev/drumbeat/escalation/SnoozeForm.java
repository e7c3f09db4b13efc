package dev.drumbeat.escalation;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;

import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.drumbeat.slack.SlackBlocks;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Snooze a week modal: one required reason. Its metadata is the escalation id; the reason's action id
 * equals its block id, {@value #REASON}.
 */
final class SnoozeForm {
    static final String CALLBACK_ID = "esc-snooze-form";
    static final String REASON = "reason";

    private SnoozeForm() {}

    static View of(long escalationId, String headline) {
        return View.builder()
                .type("modal")
                .callbackId(CALLBACK_ID)
                .privateMetadata(Long.toString(escalationId))
                .title(EscalationViewsModals.title("Snooze a week"))
                .submit(EscalationViewsModals.submit("Snooze"))
                .close(EscalationViewsModals.close("Cancel"))
                .blocks(List.of(
                        SlackBlocks.markdown(headline + "\nIt stays where it is on the ladder for 7 days."),
                        input(i -> i.blockId(REASON)
                                .label(plainText("Why can it wait a week?"))
                                .optional(false)
                                .hint(plainText("Shown on the escalation wherever it was posted."))
                                .element(plainTextInput(p -> p.actionId(REASON)
                                        .multiline(true)
                                        .maxLength(EscalationServiceActions.MAX_REASON))))))
                .build();
    }

    /** The reason typed, or empty when the state has none. */
    static Optional<String> reason(Map<String, Map<String, ViewState.Value>> values) {
        return Optional.ofNullable(values)
                .map(v -> v.get(REASON))
                .map(block -> block.get(REASON))
                .map(ViewState.Value::getValue);
    }
}
