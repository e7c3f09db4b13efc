package dev.drumbeat.costs;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.drumbeat.slack.FormBlocks;
import dev.drumbeat.slack.Modals;
import dev.drumbeat.slack.SlackBlocks;
import java.util.List;
import java.util.Optional;

/**
 * The modal of `/drumbeat costs rules`: the workspace's allocation rules as CSV text to edit, submitted for a preview
 * (nothing changes until the preview is applied); and the notices it turns into.
 */
final class CostRulesForm {
    static final String CALLBACK_ID = "costs-rules";
    static final String RULES = "rules";
    /** The most a Slack text input holds. */
    static final int MAX_CSV = 3000;

    private static final String HINT = "One rule a line, first match wins: match,key,value,services. match is tag (key"
            + " names the tag), sub-account, resource-prefix or provider-service; services is a service key or a split"
            + " such as payments:50 crm:50.";

    private CostRulesForm() {}

    /** The rules to edit; {@code csv} fits in {@link #MAX_CSV} characters. */
    static View edit(String csv) {
        LayoutBlock about = SlackBlocks.markdown("Drumbeat gives each charge of the bills to the service of the first"
                + " rule it matches. *Preview* shows what these rules would catch in the latest bills; nothing changes"
                + " until you apply it.");
        LayoutBlock rules = input(i -> i.blockId(RULES)
                .label(plainText("Rules (CSV)"))
                .hint(plainText(HINT))
                .element(plainTextInput(p -> p.actionId(RULES)
                        .multiline(true)
                        .maxLength(MAX_CSV)
                        .initialValue(csv.isEmpty() ? null : csv))));
        return View.builder()
                .type("modal")
                .callbackId(CALLBACK_ID)
                .title(FormBlocks.title("Allocation rules"))
                .submit(FormBlocks.submit("Preview"))
                .close(FormBlocks.close("Cancel"))
                .blocks(List.of(about, rules))
                .build();
    }

    /** For rules longer than a Slack form holds: where to edit them instead. */
    static View tooLong(int length, Optional<String> publicUrl) {
        String url =
                publicUrl.map(base -> base + CostRulesRoutes.PATH.substring(1)).orElse(CostRulesRoutes.PATH);
        return Modals.notice(
                CALLBACK_ID + "-too-long",
                "Allocation rules",
                "The rules are " + length + " characters of CSV, more than the " + MAX_CSV + " a Slack form holds."
                        + " Edit them as CSV over HTTP instead: `GET " + url + "` gives them and `PUT` with the edited"
                        + " file replaces them, each with an API token (`/drumbeat token create`).");
    }

    /** What the modal turns into once the rules are checked: the preview is on its way. */
    static View previewing() {
        return Modals.notice(
                CALLBACK_ID + "-previewing",
                "Allocation rules",
                "Those rules read well. Drumbeat is working out what they would catch in the latest bills; the"
                        + " preview comes in your messages with Drumbeat, with *Apply* and *Discard*. Nothing changes"
                        + " until you apply it.");
    }
}
