package dev.drumbeat.ask.advisor;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A service or initiative that could be deprioritised, with the numbers the advisor weighs: what stopping it saves
 * each month and what stopping it costs the business. Built from the database by the ask feature; pure data.
 *
 * @param monthlySaving    monthly cost avoided if it stops
 * @param monthlyValueLost monthly value or chargeback that stops with it
 * @param demand           monthly demand it serves, in its own unit
 * @param kpisOnTarget     its KPIs currently on target, which would stop being served
 * @param openDependencies for a service, the open initiatives that rely on it; for an initiative, the active services
 *                         it is delivering for
 */
public record Candidate(
        String key,
        String name,
        Kind kind,
        String tier,
        boolean isProtected,
        BigDecimal monthlySaving,
        BigDecimal monthlyValueLost,
        BigDecimal demand,
        int kpisOnTarget,
        int openDependencies,
        Optional<String> ownerId) {

    public enum Kind {
        SERVICE,
        INITIATIVE
    }

    public Candidate {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(monthlySaving, "monthlySaving");
        Objects.requireNonNull(monthlyValueLost, "monthlyValueLost");
        Objects.requireNonNull(demand, "demand");
        Objects.requireNonNull(ownerId, "ownerId");
        name = name == null ? key : name;
        tier = tier == null ? "" : tier;
    }
}
