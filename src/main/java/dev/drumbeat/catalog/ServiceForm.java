package dev.drumbeat.catalog;

import static com.slack.api.model.block.element.BlockElements.channelsSelect;
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

    private ServiceForm() {}

    static View add() {
        return view("Add a service", "", null);
    }

    static View edit(Service service) {
        return view("Edit service", service.key(), service);
    }

    /** What the modal turns into once saved, so the person sees it worked. */
    static View saved(Service service, boolean created) {
        String verb = created ? "added" : "saved";
        return View.builder()
                .type("modal")
                .callbackId(CALLBACK_ID + "-done")
                .title(FormBlocks.title("Service " + verb))
                .close(FormBlocks.close("Done"))
                .blocks(List.of(SlackBlocks.markdown(":white_check_mark: *" + SlackBlocks.escape(service.name())
                        + "* (`" + service.key() + "`) is " + verb + ". `/drumbeat status " + service.key()
                        + "` shows its card.")))
                .build();
    }

    private static View view(String title, String key, Service s) {
        return View.builder()
                .type("modal")
                .callbackId(CALLBACK_ID)
                .privateMetadata(key)
                .title(FormBlocks.title(title))
                .submit(FormBlocks.submit("Save"))
                .close(FormBlocks.close("Cancel"))
                .blocks(blocks(s))
                .build();
    }

    private static List<LayoutBlock> blocks(Service s) {
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
        return blocks;
    }
}
