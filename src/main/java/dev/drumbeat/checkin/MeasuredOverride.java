package dev.drumbeat.checkin;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A measured KPI value the owner changed in the check-in modal, with their reason: what was measured, what the field
 * showed when it was a typed value already, what they typed instead. Audited as such.
 */
record MeasuredOverride(
        String kpiKey, BigDecimal measured, Optional<BigDecimal> shown, BigDecimal typed, String reason) {

    /** The audit entry's before: the measured value, and the typed one it replaces, if any. */
    Map<String, Object> before() {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("measured", measured);
        shown.ifPresent(value -> before.put("typed", value));
        return before;
    }

    /** The audit entry's after: the value typed, where it was typed, and why. */
    Map<String, Object> after() {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("typed", typed);
        after.put("source", CheckInService.FROM_CHECKIN);
        after.put("reason", reason);
        return after;
    }
}
