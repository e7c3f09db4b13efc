package dev.drumbeat.catalog;

import java.time.Instant;
import java.time.LocalDate;

/** The latest check-in of a service, as the catalog shows it beside the service. */
public record CheckInSummary(
        String status, LocalDate periodStart, String hurdle, String submittedBy, Instant submittedAt) {}
