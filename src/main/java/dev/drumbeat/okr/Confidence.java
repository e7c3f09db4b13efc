package dev.drumbeat.okr;

import java.util.Locale;
import java.util.Optional;

/** What a key result's owner says of it each week. */
public enum Confidence {
    ON_TRACK,
    AT_RISK,
    OFF_TRACK;

    /** {@code on_track}, as stored and as a form's option value. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return value().replace('_', ' ');
    }

    public static Optional<Confidence> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (Confidence c : values()) {
            if (c.name().equals(t)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
