package dev.drumbeat.escalation.rules;

import java.util.Locale;

/** Why an item is escalated; stored by its lower-case name. */
public enum Reason {
    STALE("no check-in"),
    OWNERLESS("no owner"),
    RED_STREAK("red week after week"),
    KPI_OFF_TARGET("KPI off target"),
    INITIATIVE_SLIPPING("initiative slipping"),
    AWAY_UNCOVERED("owner away, nobody covering"),
    COST_DRIFT("cost drift"),
    UNALLOCATED_SPEND("unallocated spend"),
    MEASURE_FAILING("measuring failing");

    private final String words;

    Reason(String words) {
        this.words = words;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A few plain words for messages. */
    public String words() {
        return words;
    }

    public static Reason ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
