package dev.drumbeat.checkin;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What someone answered in the check-in modal, already valid: a status, the hurdle, a note, and the
 * KPI values they typed by KPI key. Also what the audit log keeps as before and after.
 */
public record CheckInDraft(CheckInStatus status, String hurdle, String note, Map<String, BigDecimal> readings) {

    public CheckInDraft {
        readings = Collections.unmodifiableMap(new LinkedHashMap<>(readings));
    }

    /** True when recording this draft over {@code stored} would change nothing (a retry, a double click). */
    boolean sameAs(CheckIn stored, Map<String, BigDecimal> storedReadings) {
        return status == stored.status()
                && hurdle.equals(stored.hurdle())
                && note.equals(stored.note())
                && readings.entrySet().stream()
                        .allMatch(r -> storedReadings.containsKey(r.getKey())
                                && storedReadings.get(r.getKey()).compareTo(r.getValue()) == 0);
    }
}
