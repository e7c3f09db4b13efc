package dev.drumbeat.catalog;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.channelsSelect;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The modal for adding or editing a service. Each input's action id equals its block id (Slack wants them unique per view). */
final class ServiceForm {
    static final String CALLBACK_ID = "service-form";
    static final String PROTECTED = "protected";
    static final String MEASURED_BY = "measured_by";
    /** The most a plain-text input holds; bindings written longer are left out of the form, and so left alone. */
    static final int MAX_MEASURED_BY = 3000;

    private ServiceForm() {}

    static View add() {
        return view("Add a service", "", null, "");
    }

    /** Editing {@code service}, whose bindings are written as {@code measuredBy} ({@link MeasuredBy#write}). */
    static View edit(Service service, String measuredBy) {
        return view("Edit service", service.key() + "|" + MeasuredBy.fingerprint(measuredBy), service, measuredBy);
    }

    /** What the modal turns into once saved, so the person sees it worked. */
    static View saved(Service service, boolean created) {
        return saved(service, created, "");
    }

    /** As above, with {@code measuring} (mrkdwn) saying what happens to its queries, when anything does. */
    static View saved(Service service, boolean created, String measuring) {
        String verb = created ? "added" : "saved";
        return View.builder()
                .type("modal")
                .callbackId(CALLBACK_ID + "-done")
                .title(FormBlocks.title("Service " + verb))
                .close(FormBlocks.close("Done"))
                .blocks(List.of(SlackBlocks.markdown(":white_check_mark: *" + SlackBlocks.escape(service.name())
                        + "* (`" + service.key() + "`) is " + verb + ". `/drumbeat status " + service.key()
                        + "` shows its card." + (measuring.isEmpty() ? "" : "\n" + measuring))))
                .build();
    }

    private static View view(String title, String key, Service s, String measuredBy) {
        return View.builder()
                .type("modal")
                .callbackId(CALLBACK_ID)
                .privateMetadata(key)
                .title(FormBlocks.title(title))
                .submit(FormBlocks.submit("Save"))
                .close(FormBlocks.close("Cancel"))
                .blocks(blocks(s, measuredBy))
                .build();
    }

    private static List<LayoutBlock> blocks(Service s, String measuredBy) {
        Optional<Service> existing = Optional.ofNullable(s);
        List<LayoutBlock> blocks = new ArrayList<>();
        if (existing.isEmpty()) {
            blocks.add(field("key", "Key (lower case, dashes), e.g. payments-api", text("key", null, false), false));
        }
        blocks.add(
                field("name", "Name", text("name", existing.map(Service::name).orElse(null), false), false));
        blocks.add(field(
                "tier",
                "Tier",
                select(
                        "tier",
                        Arrays.stream(Tier.values()).map(Tier::label).toList(),
                        existing.map(service -> service.tier().label())),
                false));
        blocks.add(field(
                PROTECTED,
                "Protection",
                checkbox(
                        PROTECTED,
                        "Protected: never suggest cutting it",
                        existing.map(Service::isProtected).orElse(false)),
                true));
        blocks.add(field(
                "owner",
                "Owner",
                usersSelect(u -> u.actionId("owner")
                        .initialUser(existing.flatMap(Service::ownerId).orElse(null))),
                true));
        blocks.add(field(
                "deputy",
                "Deputy",
                usersSelect(u -> u.actionId("deputy")
                        .initialUser(existing.flatMap(Service::deputyId).orElse(null))),
                true));
        blocks.add(field(
                "unit_cost", "Unit cost", text("unit_cost", amount(existing.map(Service::unitCost)), false), false));
        blocks.add(field(
                "unit_name",
                "Unit (what one unit of demand is)",
                text("unit_name", existing.map(Service::unitName).orElse(null), false),
                false));
        blocks.add(field(
                "monthly_demand",
                "Monthly demand (units)",
                text("monthly_demand", amount(existing.map(Service::monthlyDemand)), false),
                false));
        blocks.add(field(
                "monthly_value",
                "Monthly value",
                text("monthly_value", amount(existing.map(Service::monthlyValue)), false),
                false));
        blocks.add(field(
                "team_channel",
                "Team channel",
                channelsSelect(c -> c.actionId("team_channel")
                        .initialChannel(existing.flatMap(Service::teamChannel).orElse(null))),
                true));
        blocks.add(field(
                "description",
                "Description",
                text("description", existing.map(Service::description).orElse(null), true),
                true));
        blocks.add(measuredBy(measuredBy));
        return blocks;
    }

    /**
     * One binding a line; bindings too long for the field are not offered (the submission then has no such field, and
     * they stay as they are).
     */
    private static LayoutBlock measuredBy(String written) {
        if (written.length() > MAX_MEASURED_BY) {
            return SlackBlocks.note(
                    "Its PromQL bindings are too long to edit here; `/drumbeat kpi bind` changes them.");
        }
        return input(i -> i.blockId(MEASURED_BY)
                .label(plainText("Measured by (PromQL)"))
                .hint(plainText("One a line: <kpi-key> = <promql>, or demand = <promql> for its monthly demand."
                        + " Drumbeat measures each at every period's end; remove a line to stop."))
                .element(plainTextInput(p -> p.actionId(MEASURED_BY)
                        .initialValue(written.isEmpty() ? null : written)
                        .multiline(true)
                        .maxLength(MAX_MEASURED_BY)))
                .optional(true));
    }
}
