package dev.drumbeat.catalog.initiative;

import static com.slack.api.model.block.element.BlockElements.usersSelect;
import static dev.drumbeat.slack.FormBlocks.amount;
import static dev.drumbeat.slack.FormBlocks.checkbox;
import static dev.drumbeat.slack.FormBlocks.field;
import static dev.drumbeat.slack.FormBlocks.select;
import static dev.drumbeat.slack.FormBlocks.text;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.drumbeat.slack.FormBlocks;
import dev.drumbeat.slack.SlackBlocks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The modal for adding or editing an initiative. */
final class InitiativeForm {
    static final String CALLBACK_ID = "initiative-form";
    static final String PROTECTED = "protected";

    private InitiativeForm() {}

    static View add() {
        return view("Add an initiative", "", Optional.empty());
    }

    static View edit(Initiative initiative) {
        return view("Edit initiative", initiative.key(), Optional.of(initiative));
    }

    /** What the modal turns into once saved, so the person sees it worked. */
    static View saved(Initiative initiative, boolean created) {
        String verb = created ? "added" : "saved";
        return View.builder()
                .type("modal")
                .callbackId(CALLBACK_ID + "-done")
                .title(FormBlocks.title("Initiative " + verb))
                .close(FormBlocks.close("Done"))
                .blocks(List.of(SlackBlocks.markdown(":white_check_mark: *" + SlackBlocks.escape(initiative.name())
                        + "* (`" + initiative.key() + "`) is " + verb + ", relying on "
                        + initiative.reliedOn().size() + (initiative.reliedOn().size() == 1 ? " service" : " services")
                        + ". `/drumbeat initiatives` lists it; ask `what if " + SlackBlocks.escape(initiative.name())
                        + " slips 6 weeks`.")))
                .build();
    }

    private static View view(String title, String key, Optional<Initiative> existing) {
        return View.builder()
                .type("modal")
                .callbackId(CALLBACK_ID)
                .privateMetadata(key)
                .title(FormBlocks.title(title))
                .submit(FormBlocks.submit("Save"))
                .close(FormBlocks.close("Cancel"))
                .blocks(blocks(existing))
                .build();
    }

    private static List<LayoutBlock> blocks(Optional<Initiative> existing) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (existing.isEmpty()) {
            blocks.add(field("key", "Key (lower case, dashes), e.g. cloud-migration", text("key", null, false), false));
        }
        blocks.add(field(
                "name", "Name", text("name", existing.map(Initiative::name).orElse(null), false), false));
        blocks.add(field(
                "status",
                "Status",
                select(
                        "status",
                        Initiative.STATUSES,
                        Optional.of(existing.map(Initiative::status).orElse("active"))),
                false));
        blocks.add(field(
                PROTECTED,
                "Protection",
                checkbox(
                        PROTECTED,
                        "Protected: never suggest pausing it",
                        existing.map(Initiative::isProtected).orElse(false)),
                true));
        blocks.add(field(
                "owner",
                "Owner",
                usersSelect(u -> u.actionId("owner")
                        .initialUser(existing.flatMap(Initiative::ownerId).orElse(null))),
                true));
        blocks.add(field(
                "budget",
                "Budget (the whole initiative)",
                text("budget", amount(existing.map(Initiative::budget)), false),
                false));
        blocks.add(field(
                "monthly_slip_cost",
                "What a month of delay costs (e.g. running old and new in parallel)",
                text("monthly_slip_cost", amount(existing.map(Initiative::monthlySlipCost)), false),
                false));
        blocks.add(field(
                "due_date",
                "Due date (YYYY-MM-DD)",
                text(
                        "due_date",
                        existing.flatMap(Initiative::dueDate)
                                .map(Object::toString)
                                .orElse(null),
                        false),
                true));
        blocks.add(field(
                "relies_on",
                "Services it relies on (names or keys, one per line or comma-separated)",
                text(
                        "relies_on",
                        existing.map(i -> String.join("\n", i.reliedOn())).orElse(null),
                        true),
                true));
        return blocks;
    }
}
