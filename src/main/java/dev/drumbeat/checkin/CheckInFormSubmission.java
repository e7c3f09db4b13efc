package dev.drumbeat.checkin;

import com.slack.api.model.view.ViewState;
import dev.drumbeat.core.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the check-in modal's state into a draft, or into field errors for Slack to show under each field. */
final class CheckInFormSubmission {
    private final Map<String, Map<String, ViewState.Value>> values;
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final List<MeasuredOverride> overrides = new ArrayList<>();

    private CheckInFormSubmission(Map<String, Map<String, ViewState.Value>> values) {
        this.values = values == null ? Map.of() : values;
    }

    static CheckInFormSubmission read(Map<String, Map<String, ViewState.Value>> values) {
        return new CheckInFormSubmission(values);
    }

    /**
     * The draft, or empty with {@link #errors()} filled; only the KPIs given are read. A measured value the modal
     * pre-filled ({@code prefilled}, by KPI key) and submitted unchanged is left out of the draft, so the measured
     * value stands; one changed needs the reason, and is an {@link #overrides() override}.
     */
    Optional<CheckInDraft> draft(List<CheckInKpi> kpis, Map<String, CheckInMetadata.Prefill> prefilled) {
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
        Map<String, BigDecimal> readings = readings(kpis, prefilled);
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CheckInDraft(status.get(), hurdle, note, readings));
    }

    Map<String, String> errors() {
        return Map.copyOf(errors);
    }

    /** The measured values changed, with the reason given; read by {@link #draft}. */
    List<MeasuredOverride> overrides() {
        return List.copyOf(overrides);
    }

    private Map<String, BigDecimal> readings(List<CheckInKpi> kpis, Map<String, CheckInMetadata.Prefill> prefilled) {
        Map<String, BigDecimal> readings = new LinkedHashMap<>();
        List<Changed> changed = new ArrayList<>();
        for (CheckInKpi k : kpis) {
            String blockId = CheckInForm.kpiBlockId(k.kpi().key());
            String typed = text(blockId);
            Optional<CheckInMetadata.Prefill> prefill =
                    Optional.ofNullable(prefilled.get(k.kpi().key()));
            if (typed.isEmpty()
                    || prefill.filter(p -> p.shown().toPlainString().equals(typed))
                            .isPresent()) {
                continue;
            }
            try {
                BigDecimal value = KpiValues.parse(typed, k.kpi());
                if (prefill.filter(p -> p.shown().compareTo(value) == 0).isEmpty()) {
                    readings.put(k.kpi().key(), value);
                    prefill.ifPresent(p -> changed.add(new Changed(k.kpi(), p, value)));
                }
            } catch (IllegalArgumentException e) {
                errors.put(blockId, capitalise(e.getMessage()) + ".");
            }
        }
        String reason = text(CheckInForm.MEASURED_REASON);
        checkLength(CheckInForm.MEASURED_REASON, reason, CheckInForm.MAX_REASON);
        for (Changed c : changed) {
            if (reason.isEmpty()) {
                errors.put(CheckInForm.kpiBlockId(c.kpi().key()), c.unexplained());
            } else {
                overrides.add(c.override(reason));
            }
        }
        return readings;
    }

    /** A pre-filled measured value someone changed. */
    private record Changed(Kpi kpi, CheckInMetadata.Prefill prefill, BigDecimal typed) {
        String unexplained() {
            String shown = Money.measure(prefill.shown(), kpi.unit());
            String was = prefill.shown().compareTo(prefill.measured()) == 0
                    ? "the measured " + shown
                    : shown + " (measured " + Money.measure(prefill.measured(), kpi.unit()) + ")";
            return kpi.name() + ": you changed " + was + " to " + Money.measure(typed, kpi.unit())
                    + ". Say why under “Reason for changing a measured value”, or put back " + shown + ".";
        }

        MeasuredOverride override(String reason) {
            Optional<BigDecimal> typedBefore = prefill.shown().compareTo(prefill.measured()) == 0
                    ? Optional.empty()
                    : Optional.of(prefill.shown());
            return new MeasuredOverride(kpi.key(), prefill.measured(), typedBefore, typed, reason);
        }
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
