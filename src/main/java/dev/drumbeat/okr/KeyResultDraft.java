package dev.drumbeat.okr;

import com.slack.api.model.view.ViewState;
import dev.drumbeat.catalog.ServiceFields;
import dev.drumbeat.slack.FormState;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * A key result as the modal gave it: a milestone, or a measured result with the KPI ({@code service/kpi}) and target
 * it is measured by. {@link #read} refuses what cannot be saved, with the reason under each field.
 */
record KeyResultDraft(
        String title,
        String kind,
        Optional<String> serviceKey,
        Optional<String> kpiKey,
        Optional<BigDecimal> target,
        Optional<BigDecimal> baseline,
        Optional<String> ownerId) {

    /** The largest value a KPI column holds (numeric(18, 4)). */
    private static final BigDecimal LARGEST = new BigDecimal("99999999999999.9999");

    /** The draft, or the field errors. */
    static Result read(Map<String, Map<String, ViewState.Value>> values) {
        FormState form = new FormState(values);
        String title = form.check("title", KeyResultDraft::title, "");
        String kind = form.text("kind").filter(KeyResultForm.KINDS::contains).orElse("measured");
        boolean measured = kind.equals("measured");
        String[] kpi = form.check("kpi", raw -> kpi(raw, measured), new String[0]);
        Optional<BigDecimal> target = form.check(
                "target", raw -> number(raw, measured, "a measured result needs a target"), Optional.empty());
        Optional<BigDecimal> baseline = form.check("baseline", raw -> number(raw, false, ""), Optional.empty());
        if (form.hasErrors()) {
            return new Result(Optional.empty(), form.errors());
        }
        return new Result(
                Optional.of(new KeyResultDraft(
                        title, kind, part(kpi, 0), part(kpi, 1), target, baseline, form.user("owner"))),
                Map.of());
    }

    record Result(Optional<KeyResultDraft> draft, Map<String, String> errors) {}

    private static String title(String raw) {
        String title = raw == null ? "" : raw.strip();
        if (title.isEmpty() || title.length() > 200) {
            throw new IllegalArgumentException("a key result is 1 to 200 characters");
        }
        return title;
    }

    private static String[] kpi(String raw, boolean required) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                throw new IllegalArgumentException("a measured result needs its KPI, as service/kpi");
            }
            return new String[0];
        }
        String[] parts = raw.strip().split("\\s*/\\s*");
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new IllegalArgumentException("write the KPI as service/KPI, like Payments Gateway/Availability");
        }
        return parts;
    }

    private static Optional<BigDecimal> number(String raw, boolean required, String missing) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                throw new IllegalArgumentException(missing);
            }
            return Optional.empty();
        }
        BigDecimal value = ServiceFields.number(raw.strip().replaceAll("[\\s$€£%]", ""), raw);
        if (value.abs().compareTo(LARGEST) > 0 || value.stripTrailingZeros().scale() > 4) {
            throw new IllegalArgumentException("a value is below a hundred trillion, with at most four decimal places");
        }
        return Optional.of(value);
    }

    private static Optional<String> part(String[] parts, int index) {
        return parts.length > index ? Optional.of(parts[index]) : Optional.empty();
    }
}
