package dev.drumbeat.slack;

import com.slack.api.model.view.ViewState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A submitted modal's values, read by block id (each input's action id equals its block id), and the field errors
 * found while reading them, in the words Slack shows under each field.
 */
public final class FormState {
    private final Map<String, Map<String, ViewState.Value>> values;
    private final Map<String, String> errors = new LinkedHashMap<>();

    public FormState(Map<String, Map<String, ViewState.Value>> values) {
        this.values = values == null ? Map.of() : values;
    }

    /** The field parsed; when {@code parse} refuses it, its reason becomes the field's error and {@code fallback} is used. */
    public <T> T check(String blockId, Function<String, T> parse, T fallback) {
        try {
            return parse.apply(text(blockId).orElse(null));
        } catch (IllegalArgumentException e) {
            String reason = e.getMessage();
            errors.put(
                    blockId,
                    reason.isEmpty() ? reason : Character.toUpperCase(reason.charAt(0)) + reason.substring(1) + ".");
            return fallback;
        }
    }

    public Map<String, String> errors() {
        return Map.copyOf(errors);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public Optional<String> text(String blockId) {
        return value(blockId)
                .map(v -> v.getSelectedOption() != null ? v.getSelectedOption().getValue() : v.getValue());
    }

    public Optional<String> user(String blockId) {
        return value(blockId).map(ViewState.Value::getSelectedUser).filter(u -> !u.isBlank());
    }

    public Optional<String> channel(String blockId) {
        return value(blockId).map(ViewState.Value::getSelectedChannel).filter(c -> !c.isBlank());
    }

    /** Whether the checkbox {@code blockId}, whose one option's value is its id, is ticked. */
    public boolean checked(String blockId) {
        List<ViewState.SelectedOption> chosen =
                value(blockId).map(ViewState.Value::getSelectedOptions).orElse(List.of());
        return chosen != null && chosen.stream().anyMatch(o -> blockId.equals(o.getValue()));
    }

    private Optional<ViewState.Value> value(String blockId) {
        return Optional.ofNullable(values.get(blockId)).map(v -> v.get(blockId));
    }
}
