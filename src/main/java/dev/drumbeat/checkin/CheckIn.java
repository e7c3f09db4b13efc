package dev.drumbeat.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** A stored check-in: one per service and period; {@code revision} counts the edits since the first submission. */
public record CheckIn(
        long serviceId,
        LocalDate periodStart,
        CheckInStatus status,
        String hurdle,
        String note,
        String submittedBy,
        Instant submittedAt,
        Optional<Instant> updatedAt,
        int revision) {}
