package dev.drumbeat.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How much a service matters to the business; strategic services are spared from cuts by default. */
public enum Tier {
    STRATEGIC,
    CORE,
    SECONDARY;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Tier> parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.label().equals(wanted)).findFirst();
    }
}
