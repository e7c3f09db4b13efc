package dev.drumbeat.catalog;

import com.slack.api.model.view.ViewState;
import dev.drumbeat.slack.FormState;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** Reads the service modal's state into a draft, or into field errors for Slack to show under each field. */
final class ServiceFormSubmission {
    private final FormState form;

    private ServiceFormSubmission(Map<String, Map<String, ViewState.Value>> values) {
        this.form = new FormState(values);
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

    Map<String, String> errors() {
        return form.errors();
    }
}
