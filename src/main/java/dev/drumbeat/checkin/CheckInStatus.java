package dev.drumbeat.checkin;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A service's weekly status; amber and red must name the hurdle in the way. */
public enum CheckInStatus {
    GREEN("on track", ":large_green_circle:"),
    AMBER("at risk", ":large_orange_circle:"),
    RED("blocked or off track", ":red_circle:");

    private final String meaning;
    private final String emoji;

    CheckInStatus(String meaning, String emoji) {
        this.meaning = meaning;
        this.emoji = emoji;
    }

    /** As stored and as Slack option values: {@code green}, {@code amber}, {@code red}. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String meaning() {
        return meaning;
    }

    public String emoji() {
        return emoji;
    }

    public boolean needsHurdle() {
        return this != GREEN;
    }

    public static Optional<CheckInStatus> parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.label().equals(wanted)).findFirst();
    }
}
