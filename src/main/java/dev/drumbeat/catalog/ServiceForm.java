package dev.drumbeat.catalog;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.channelsSelect;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.usersSelect;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import dev.drumbeat.slack.SlackBlocks;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The modal for adding or editing a service. Each input's action id equals its block id (Slack wants them unique per view). */
final class ServiceForm {
    static final String CALLBACK_ID = "service-form";
    static final String PROTECTED = "protected";

    private ServiceForm() {
    }

    static View add() {
        return view("Add a service", "", null);
    }

    static View edit(Service service) {
        return view("Edit service", service.key(), service);
    }

    /** What the modal turns into once saved, so the person sees it worked. */
    static View saved(Service service, boolean created) {
        String verb = created ? "added" : "saved";
        return View.builder().type("modal").callbackId(CALLBACK_ID + "-done")
                .title(title("Service " + verb)).close(close("Done"))
                .blocks(List.of(SlackBlocks.markdown(":white_check_mark: *" + SlackBlocks.escape(service.name())
                        + "* (`" + service.key() + "`) is " + verb + ". `/drumbeat status " + service.key()
                        + "` shows its card."))).build();
    }

    private static View view(String title, String key, Service s) {
        return View.builder().type("modal").callbackId(CALLBACK_ID).privateMetadata(key)
                .title(title(title)).submit(submit("Save")).close(close("Cancel"))
                .blocks(blocks(s)).build();
    }

    private static List<LayoutBlock> blocks(Service s) {
        Optional<Service> existing = Optional.ofNullable(s);
        List<LayoutBlock> blocks = new ArrayList<>();
        if (existing.isEmpty()) {
            blocks.add(field("key", "Key (lower case, dashes), e.g. payments-api", text("key", null, false), false));
        }
        blocks.add(field("name", "Name", text("name", existing.map(Service::name).orElse(null), false), false));
        blocks.add(field("tier", "Tier", tierSelect(existing.map(Service::tier)), false));
        blocks.add(field(PROTECTED, "Protection", protectedBox(existing.map(Service::isProtected).orElse(false)), true));
        blocks.add(field("owner", "Owner", usersSelect(u -> u.actionId("owner")
                .initialUser(existing.flatMap(Service::ownerId).orElse(null))), true));
        blocks.add(field("deputy", "Deputy", usersSelect(u -> u.actionId("deputy")
                .initialUser(existing.flatMap(Service::deputyId).orElse(null))), true));
        blocks.add(field("unit_cost", "Unit cost", text("unit_cost", amount(existing.map(Service::unitCost)), false), false));
        blocks.add(field("unit_name", "Unit (what one unit of demand is)", text("unit_name", existing.map(Service::unitName).orElse(null), false), false));
        blocks.add(field("monthly_demand", "Monthly demand (units)", text("monthly_demand", amount(existing.map(Service::monthlyDemand)), false), false));
        blocks.add(field("monthly_value", "Monthly value", text("monthly_value", amount(existing.map(Service::monthlyValue)), false), false));
        blocks.add(field("team_channel", "Team channel", channelsSelect(c -> c.actionId("team_channel")
                .initialChannel(existing.flatMap(Service::teamChannel).orElse(null))), true));
        blocks.add(field("description", "Description", text("description", existing.map(Service::description).orElse(null), true), true));
        return blocks;
    }

    private static ViewTitle title(String text) {
        return ViewTitle.builder().type("plain_text").text(text).build();
    }

    private static ViewSubmit submit(String text) {
        return ViewSubmit.builder().type("plain_text").text(text).build();
    }

    private static ViewClose close(String text) {
        return ViewClose.builder().type("plain_text").text(text).build();
    }

    private static LayoutBlock field(String blockId, String label, BlockElement element, boolean optional) {
        return input(i -> i.blockId(blockId).label(plainText(label)).element(element).optional(optional));
    }

    private static BlockElement text(String actionId, String initial, boolean multiline) {
        return plainTextInput(p -> p.actionId(actionId).initialValue(initial == null || initial.isEmpty() ? null : initial)
                .multiline(multiline));
    }

    private static BlockElement tierSelect(Optional<Tier> initial) {
        List<OptionObject> options = Arrays.stream(Tier.values()).map(t -> option(plainText(t.label()), t.label())).toList();
        return staticSelect(s -> s.actionId("tier").options(options)
                .initialOption(initial.map(t -> options.get(t.ordinal())).orElse(null)));
    }

    private static BlockElement protectedBox(boolean checked) {
        OptionObject box = option(plainText("Protected: never suggest cutting it"), PROTECTED);
        return checkboxes(c -> c.actionId(PROTECTED).options(List.of(box)).initialOptions(checked ? List.of(box) : null));
    }

    private static String amount(Optional<BigDecimal> value) {
        return value.map(v -> v.stripTrailingZeros().toPlainString()).orElse(null);
    }
}
