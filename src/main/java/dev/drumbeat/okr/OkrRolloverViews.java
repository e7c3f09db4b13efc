package dev.drumbeat.okr;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import dev.drumbeat.slack.BlockJson;
import dev.drumbeat.slack.SlackBlocks;
import java.util.List;
import java.util.Map;

/** The direct message that asks an objective's owner, at the turn of the quarter, to roll it over or close it. */
final class OkrRolloverViews {
    static final String ROLL_OVER = "okr-roll-over";
    static final String CLOSE = "okr-close";

    private OkrRolloverViews() {}

    static Map<String, Object> question(OkrDao.Due objective, String quarter) {
        String text = ":calendar: " + objective.quarter() + " is over. Your objective *"
                + SlackBlocks.escape(objective.title())
                + "* (O" + objective.id() + ") is still open: roll it over into " + quarter + ", with its key results"
                + " measured afresh from today, or close it?";
        List<LayoutBlock> blocks = List.of(
                SlackBlocks.markdown(text),
                actions(a -> a.elements(List.of(
                        button(b -> b.actionId(ROLL_OVER)
                                .value(Long.toString(objective.id()))
                                .style("primary")
                                .text(plainText("Roll over into " + quarter))),
                        button(b -> b.actionId(CLOSE)
                                .value(Long.toString(objective.id()))
                                .text(plainText("Close it")))))));
        return Map.of("text", text, "blocks", BlockJson.values(blocks));
    }

    /** The question once answered: no buttons, what became of the objective and who decided. */
    static Map<String, Object> answered(OkrDao.ObjectiveRow objective, String outcome, String byUserId) {
        String text =
                ":white_check_mark: " + objective.quarter() + " objective *" + SlackBlocks.escape(objective.title())
                        + "* (O" + objective.id() + ") was " + outcome + " by <@" + byUserId + ">.";
        return Map.of("text", text, "blocks", BlockJson.values(List.of(SlackBlocks.markdown(text))));
    }
}
