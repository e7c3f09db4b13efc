package dev.drumbeat.checkin;

import dev.drumbeat.core.Money;
import java.math.BigDecimal;
import java.util.Locale;

/** A KPI of a service as check-ins need it: what it measures, in what unit, and which way is good. */
public record Kpi(long id, String key, String name, String unit, BigDecimal target, String direction) {

    public boolean isPercent() {
        return unit.strip().equals("%");
    }

    /** ≥ when higher is better, ≤ when lower is. */
    public String comparator() {
        return "up".equals(direction) ? "≥" : "≤";
    }

    /** The target as people read it: "≥ 99.9%". */
    public String targetText() {
        return comparator() + " " + Money.measure(target, unit);
    }

    public boolean isOnTarget(BigDecimal value) {
        return "up".equals(direction) ? value.compareTo(target) >= 0 : value.compareTo(target) <= 0;
    }

    /** True when someone typed this KPI's key or name, ignoring case, spaces and dashes. */
    public boolean isCalled(String typed) {
        String wanted = compact(typed);
        return !wanted.isEmpty() && (wanted.equals(compact(key)) || wanted.equals(compact(name)));
    }

    /** True when what someone typed starts this KPI's key or name (three characters at least). */
    public boolean startsWith(String typed) {
        String wanted = compact(typed);
        return wanted.length() >= 3
                && (compact(key).startsWith(wanted) || compact(name).startsWith(wanted));
    }

    private static String compact(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}%]", "");
    }
}
