package dev.drumbeat.catalog;

import com.slack.api.model.view.ViewState;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Reads the service modal's state into a draft, or into field errors for Slack to show under each field. */
final class ServiceFormSubmission {
    private final Map<String, Map<String, ViewState.Value>> values;
    private final Map<String, String> errors = new LinkedHashMap<>();

    private ServiceFormSubmission(Map<String, Map<String, ViewState.Value>> values) {
        this.values = values == null ? Map.of() : values;
    }

    /** The draft, or empty with {@link #errors()} filled. {@code existingKey} is blank when adding. */
    static ServiceFormSubmission read(Map<String, Map<String, ViewState.Value>> values) {
        return new ServiceFormSubmission(values);
    }

    Optional<ServiceDraft> draft(String existingKey) {
        String key = existingKey.isBlank() ? check("key", ServiceFields::key, "") : existingKey;
        String name = check("name", ServiceFields::name, "");
        Tier tier = check("tier", ServiceFields::tier, Tier.CORE);
        BigDecimal unitCost = check("unit_cost", ServiceFields::amount, BigDecimal.ZERO);
        String unitName = check("unit_name", ServiceFields::unitName, "unit");
        BigDecimal demand = check("monthly_demand", ServiceFields::amount, BigDecimal.ZERO);
        BigDecimal value = check("monthly_value", ServiceFields::amount, BigDecimal.ZERO);
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ServiceDraft(key, name, tier, isProtected(), user("owner"), user("deputy"),
                channel(), unitCost, unitName, demand, value, text("description").orElse("").strip()));
    }

    Map<String, String> errors() {
        return Map.copyOf(errors);
    }

    private <T> T check(String blockId, Function<String, T> parse, T fallback) {
        try {
            return parse.apply(text(blockId).orElse(null));
        } catch (IllegalArgumentException e) {
            errors.put(blockId, capitalise(e.getMessage()) + ".");
            return fallback;
        }
    }

    private Optional<ViewState.Value> value(String blockId) {
        return Optional.ofNullable(values.get(blockId)).map(v -> v.get(blockId));
    }

    private Optional<String> text(String blockId) {
        return value(blockId).map(v -> v.getSelectedOption() != null ? v.getSelectedOption().getValue() : v.getValue());
    }

    private Optional<String> user(String blockId) {
        return value(blockId).map(ViewState.Value::getSelectedUser).filter(u -> !u.isBlank());
    }

    private Optional<String> channel() {
        return value("team_channel").map(ViewState.Value::getSelectedChannel).filter(c -> !c.isBlank());
    }

    private boolean isProtected() {
        List<ViewState.SelectedOption> chosen = value(ServiceForm.PROTECTED)
                .map(ViewState.Value::getSelectedOptions).orElse(List.of());
        return chosen != null && chosen.stream().anyMatch(o -> ServiceForm.PROTECTED.equals(o.getValue()));
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
