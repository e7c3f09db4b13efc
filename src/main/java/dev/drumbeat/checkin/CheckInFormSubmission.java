package dev.drumbeat.checkin;

import com.slack.api.model.view.ViewState;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the check-in modal's state into a draft, or into field errors for Slack to show under each field. */
final class CheckInFormSubmission {
    private final Map<String, Map<String, ViewState.Value>> values;
    private final Map<String, String> errors = new LinkedHashMap<>();

    private CheckInFormSubmission(Map<String, Map<String, ViewState.Value>> values) {
        this.values = values == null ? Map.of() : values;
    }

    static CheckInFormSubmission read(Map<String, Map<String, ViewState.Value>> values) {
        return new CheckInFormSubmission(values);
    }

    /** The draft, or empty with {@link #errors()} filled; only the KPIs given are read. */
    Optional<CheckInDraft> draft(List<CheckInKpi> kpis) {
        Optional<CheckInStatus> status = selected(CheckInForm.STATUS).flatMap(CheckInStatus::parse);
        if (status.isEmpty()) {
            errors.put(CheckInForm.STATUS, "Pick a status: green, amber or red.");
        }
        String hurdle = text(CheckInForm.HURDLE);
        if (status.filter(CheckInStatus::needsHurdle).isPresent() && hurdle.isEmpty()) {
            errors.put(
                    CheckInForm.HURDLE,
                    "Say what is delaying delivery: a hurdle is required when the status is "
                            + status.get().label() + ".");
        }
        checkLength(CheckInForm.HURDLE, hurdle, CheckInForm.MAX_HURDLE);
        String note = text(CheckInForm.NOTE);
        checkLength(CheckInForm.NOTE, note, CheckInForm.MAX_NOTE);
        Map<String, BigDecimal> readings = readings(kpis);
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CheckInDraft(status.get(), hurdle, note, readings));
    }

    Map<String, String> errors() {
        return Map.copyOf(errors);
    }

    private Map<String, BigDecimal> readings(List<CheckInKpi> kpis) {
        Map<String, BigDecimal> readings = new LinkedHashMap<>();
        for (CheckInKpi k : kpis) {
            String blockId = CheckInForm.kpiBlockId(k.kpi().key());
            String typed = text(blockId);
            if (typed.isEmpty()) {
                continue;
            }
            try {
                readings.put(k.kpi().key(), KpiValues.parse(typed, k.kpi()));
            } catch (IllegalArgumentException e) {
                errors.put(blockId, capitalise(e.getMessage()) + ".");
            }
        }
        return readings;
    }

    private void checkLength(String blockId, String text, int max) {
        if (text.length() > max) {
            errors.putIfAbsent(blockId, "Keep it to " + max + " characters; this is " + text.length() + ".");
        }
    }

    private Optional<ViewState.Value> value(String blockId) {
        return Optional.ofNullable(values.get(blockId)).map(v -> v.get(blockId));
    }

    private Optional<String> selected(String blockId) {
        return value(blockId).map(ViewState.Value::getSelectedOption).map(ViewState.SelectedOption::getValue);
    }

    private String text(String blockId) {
        return value(blockId).map(ViewState.Value::getValue).map(String::strip).orElse("");
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
