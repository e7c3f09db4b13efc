package dev.drumbeat.catalog.initiative;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A project in flight that relies on services: what it costs (its budget), what a month of delay costs (running old
 * and new in parallel, say), when it is due, and whether it is protected from being paused.
 *
 * @param reliedOn the keys of the active services it relies on, by key
 */
public record Initiative(
        String key,
        String name,
        Optional<String> ownerId,
        BigDecimal budget,
        BigDecimal monthlySlipCost,
        Optional<LocalDate> dueDate,
        String status,
        boolean isProtected,
        List<String> reliedOn) {
    public static final List<String> STATUSES = List.of("planned", "active", "done", "cancelled");

    public Initiative {
        Objects.requireNonNull(key, "key");
        reliedOn = List.copyOf(reliedOn);
    }

    public boolean isOwnedBy(String userId) {
        return ownerId.filter(userId::equals).isPresent();
    }
}
