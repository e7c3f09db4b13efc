package dev.drumbeat.escalation.rules;

import java.time.LocalDate;
import java.util.Optional;

/** One open initiative with the services that depend on it and how many of those are red this period. */
public record InitiativeFacts(
        long initiativeId,
        String teamId,
        String key,
        String name,
        Optional<String> ownerId,
        Optional<LocalDate> dueDate,
        String status,
        int linkedServices,
        int linkedRed) {}
