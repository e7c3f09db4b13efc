package dev.drumbeat.slack;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The pieces Drumbeat's modals are built from. Each input's action id equals its block id. */
public final class FormBlocks {
    private FormBlocks() {}

    public static ViewTitle title(String text) {
        return ViewTitle.builder().type("plain_text").text(text).build();
    }

    public static ViewSubmit submit(String text) {
        return ViewSubmit.builder().type("plain_text").text(text).build();
    }

    public static ViewClose close(String text) {
        return ViewClose.builder().type("plain_text").text(text).build();
    }

    public static LayoutBlock field(String blockId, String label, BlockElement element, boolean optional) {
        return input(
                i -> i.blockId(blockId).label(plainText(label)).element(element).optional(optional));
    }

    public static BlockElement text(String actionId, String initial, boolean multiline) {
        return plainTextInput(p -> p.actionId(actionId)
                .initialValue(initial == null || initial.isEmpty() ? null : initial)
                .multiline(multiline));
    }

    /** One checkbox whose value is its action id, ticked or not. */
    public static BlockElement checkbox(String actionId, String label, boolean checked) {
        OptionObject box = option(plainText(label), actionId);
        return checkboxes(
                c -> c.actionId(actionId).options(List.of(box)).initialOptions(checked ? List.of(box) : null));
    }

    /** A static select of {@code values}, each its own label. */
    public static BlockElement select(String actionId, List<String> values, Optional<String> initial) {
        return select(actionId, values, v -> v, initial);
    }

    /** A static select of {@code values}, each shown as {@code label} gives it. */
    public static BlockElement select(
            String actionId, List<String> values, Function<String, String> label, Optional<String> initial) {
        List<OptionObject> options =
                values.stream().map(v -> option(plainText(label.apply(v)), v)).toList();
        return staticSelect(s -> s.actionId(actionId)
                .options(options)
                .initialOption(initial.flatMap(i -> options.stream()
                                .filter(o -> o.getValue().equals(i))
                                .findFirst())
                        .orElse(null)));
    }

    public static String amount(Optional<BigDecimal> value) {
        return value.map(v -> v.stripTrailingZeros().toPlainString()).orElse(null);
    }
}
