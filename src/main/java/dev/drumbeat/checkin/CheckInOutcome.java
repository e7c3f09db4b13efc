package dev.drumbeat.checkin;

import dev.drumbeat.catalog.Service;

/** A check-in as recorded; {@code changed} is false when the submission repeated what was already stored. */
public record CheckInOutcome(Service service, CheckIn checkIn, boolean changed) {}
