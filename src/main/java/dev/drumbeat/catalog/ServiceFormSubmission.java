package dev.drumbeat.catalog;

import com.slack.api.model.view.ViewState;
import dev.drumbeat.slack.FormState;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the service modal's state into a draft, or into field errors for Slack to show under each field. */
final class ServiceFormSubmission {
    private final FormState form;
    private final boolean hasMeasuredBy;

    private ServiceFormSubmission(Map<String, Map<String, ViewState.Value>> values) {
        this.form = new FormState(values);
        this.hasMeasuredBy = values != null && values.containsKey(ServiceForm.MEASURED_BY);
    }

    /** The draft, or empty with {@link #errors()} filled. {@code existingKey} is blank when adding. */
    static ServiceFormSubmission read(Map<String, Map<String, ViewState.Value>> values) {
        return new ServiceFormSubmission(values);
    }

    Optional<ServiceDraft> draft(String existingKey) {
        String key = existingKey.isBlank() ? form.check("key", ServiceFields::key, "") : existingKey;
        String name = form.check("name", ServiceFields::name, "");
        Tier tier = form.check("tier", ServiceFields::tier, Tier.CORE);
        BigDecimal unitCost = form.check("unit_cost", ServiceFields::amount, BigDecimal.ZERO);
        String unitName = form.check("unit_name", ServiceFields::unitName, "unit");
        BigDecimal demand = form.check("monthly_demand", ServiceFields::amount, BigDecimal.ZERO);
        BigDecimal value = form.check("monthly_value", ServiceFields::amount, BigDecimal.ZERO);
        if (form.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new ServiceDraft(
                key,
                name,
                tier,
                form.checked(ServiceForm.PROTECTED),
                form.user("owner"),
                form.user("deputy"),
                form.channel("team_channel"),
                unitCost,
                unitName,
                demand,
                value,
                form.text("description").orElse("").strip()));
    }

    /**
     * The bindings asked for, each naming one of {@code kpiKeys} or the demand; empty when the form did not offer the
     * field (they are then left as they are). A bad line becomes the field's error, so read this before the draft.
     */
    Optional<List<MeasuredBy.Line>> measuredBy(Set<String> kpiKeys) {
        if (!hasMeasuredBy) {
            return Optional.empty();
        }
        return Optional.of(
                form.check(ServiceForm.MEASURED_BY, text -> MeasuredBy.parse(text, kpiKeys, true), List.of()));
    }

    Map<String, String> errors() {
        return form.errors();
    }
}
