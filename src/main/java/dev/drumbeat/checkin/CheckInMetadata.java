package dev.drumbeat.checkin;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The check-in modal's {@code private_metadata}: its {@link CheckInRef}, then {@link CheckInForm#FROM_HOME} when it was
 * opened from the Home tab, then the measured values it pre-filled, so a submission knows what was kept and what was
 * changed: {@code |m:<kpi>=<shown>[/<measured>];…}, the measured value given only when the field showed a typed one.
 * Pre-fills that would take it past Slack's 3,000 characters are left out, and their fields left empty.
 */
record CheckInMetadata(CheckInRef ref, boolean fromHome, Map<String, Prefill> prefilled) {
    static final int MAX = 3000;
    private static final String MEASURED = "|m:";

    /** What a measured KPI's field showed, and what was measured (the same unless a typed value was shown). */
    record Prefill(BigDecimal shown, BigDecimal measured) {}

    CheckInMetadata {
        prefilled = Map.copyOf(prefilled);
    }

    /** The metadata for {@code wanted} pre-fills, in order, keeping those that fit. */
    static CheckInMetadata fitting(CheckInRef ref, boolean fromHome, Map<String, Prefill> wanted) {
        int length = base(ref, fromHome).length() + MEASURED.length();
        Map<String, Prefill> kept = new LinkedHashMap<>();
        for (Map.Entry<String, Prefill> entry : wanted.entrySet()) {
            int more = entry(entry.getKey(), entry.getValue()).length() + (kept.isEmpty() ? 0 : 1);
            if (length + more <= MAX) {
                kept.put(entry.getKey(), entry.getValue());
                length += more;
            }
        }
        return new CheckInMetadata(ref, fromHome, kept);
    }

    String encode() {
        StringBuilder text = new StringBuilder(base(ref, fromHome));
        if (!prefilled.isEmpty()) {
            text.append(MEASURED);
            prefilled.forEach((key, prefill) -> text.append(entry(key, prefill)).append(';'));
            text.setLength(text.length() - 1);
        }
        return text.toString();
    }

    /** The metadata Drumbeat wrote; empty when it is not. Pre-fills it cannot read are ignored. */
    static Optional<CheckInMetadata> parse(String text) {
        String metadata = text == null ? "" : text;
        int measured = metadata.indexOf(MEASURED);
        String head = measured < 0 ? metadata : metadata.substring(0, measured);
        boolean fromHome = head.endsWith(CheckInForm.FROM_HOME);
        String ref = fromHome ? head.substring(0, head.length() - CheckInForm.FROM_HOME.length()) : head;
        Map<String, Prefill> prefilled = new LinkedHashMap<>();
        if (measured >= 0) {
            for (String entry : metadata.substring(measured + MEASURED.length()).split(";")) {
                prefill(entry).ifPresent(p -> prefilled.put(entry.substring(0, entry.indexOf('=')), p));
            }
        }
        return CheckInRef.parse(ref).map(r -> new CheckInMetadata(r, fromHome, prefilled));
    }

    private static Optional<Prefill> prefill(String entry) {
        int equals = entry.indexOf('=');
        if (equals < 1) {
            return Optional.empty();
        }
        String[] values = entry.substring(equals + 1).split("/", -1);
        try {
            BigDecimal shown = new BigDecimal(values[0]);
            return values.length == 1
                    ? Optional.of(new Prefill(shown, shown))
                    : Optional.of(new Prefill(shown, new BigDecimal(values[1])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String base(CheckInRef ref, boolean fromHome) {
        return ref.encode() + (fromHome ? CheckInForm.FROM_HOME : "");
    }

    private static String entry(String key, Prefill prefill) {
        String shown = prefill.shown().toPlainString();
        return key + "=" + shown
                + (prefill.shown().compareTo(prefill.measured()) == 0
                        ? ""
                        : "/" + prefill.measured().toPlainString());
    }
}
