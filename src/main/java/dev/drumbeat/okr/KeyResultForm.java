package dev.drumbeat.okr;

import static com.slack.api.model.block.element.BlockElements.usersSelect;
import static dev.drumbeat.slack.FormBlocks.field;
import static dev.drumbeat.slack.FormBlocks.select;
import static dev.drumbeat.slack.FormBlocks.text;

import com.slack.api.model.view.View;
import dev.drumbeat.slack.FormBlocks;
import dev.drumbeat.slack.SlackBlocks;
import java.util.List;
import java.util.Optional;

/** The modal that adds a key result to an objective; the objective's id rides in the private metadata. */
final class KeyResultForm {
    static final String CALLBACK_ID = "okr-key-result";
    static final List<String> KINDS = List.of("measured", "milestone");

    private KeyResultForm() {}

    static View add(OkrDao.ObjectiveRow objective) {
        return View.builder()
                .type("modal")
                .callbackId(CALLBACK_ID)
                .privateMetadata(Long.toString(objective.id()))
                .title(FormBlocks.title("Add a key result"))
                .submit(FormBlocks.submit("Add"))
                .close(FormBlocks.close("Cancel"))
                .blocks(List.of(
                        SlackBlocks.markdown(
                                "For *" + SlackBlocks.escape(objective.title()) + "* (O" + objective.id() + ")"),
                        field("title", "Key result", text("title", null, false), false),
                        field("kind", "Kind", select("kind", KINDS, Optional.of("measured")), false),
                        field(
                                "kpi",
                                "KPI that measures it (service/KPI, e.g. Payments Gateway/Availability)",
                                text("kpi", null, false),
                                true),
                        field("target", "Target (measured)", text("target", null, false), true),
                        field(
                                "baseline",
                                "Baseline (measured; blank: the KPI's latest value)",
                                text("baseline", null, false),
                                true),
                        field("owner", "Owner", usersSelect(u -> u.actionId("owner")), true)))
                .build();
    }

    static View added(String objective, long keyResultId) {
        return View.builder()
                .type("modal")
                .callbackId(CALLBACK_ID + "-done")
                .title(FormBlocks.title("Key result added"))
                .close(FormBlocks.close("Done"))
                .blocks(List.of(SlackBlocks.markdown(":white_check_mark: KR" + keyResultId + " is part of *"
                        + SlackBlocks.escape(objective) + "*. `/drumbeat okr` shows its progress.")))
                .build();
    }
}
