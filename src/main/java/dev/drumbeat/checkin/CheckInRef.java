package dev.drumbeat.checkin;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Which check-in a button or a modal is about: a service, a period and, when it came from a weekly
 * prompt, that prompt. Written as {@code <serviceKey>|<periodStart>|<promptId or empty>}, the value of
 * every Check in button and the check-in modal's {@code private_metadata}.
 */
public record CheckInRef(String serviceKey, LocalDate periodStart, Optional<Long> promptId) {

    public static CheckInRef of(String serviceKey, LocalDate periodStart) {
        return new CheckInRef(serviceKey, periodStart, Optional.empty());
    }

    public String encode() {
        return serviceKey + "|" + periodStart + "|"
                + promptId.map(String::valueOf).orElse("");
    }

    /** The reference a button value or metadata names; empty when it is not one Drumbeat wrote. */
    public static Optional<CheckInRef> parse(String text) {
        String[] parts = (text == null ? "" : text).split("\\|", -1);
        if (parts.length != 3 || parts[0].isBlank()) {
            return Optional.empty();
        }
        try {
            Optional<Long> prompt = parts[2].isBlank() ? Optional.empty() : Optional.of(Long.parseLong(parts[2]));
            return Optional.of(new CheckInRef(parts[0], LocalDate.parse(parts[1]), prompt));
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
