package dev.drumbeat.catalog;

import java.math.BigDecimal;
import java.util.Optional;

/** One service in the catalog, with the numbers that make its unit economics. */
public record Service(
        long id,
        String teamId,
        String key,
        String name,
        Tier tier,
        boolean isProtected,
        Optional<String> ownerId,
        Optional<String> deputyId,
        Optional<String> teamChannel,
        BigDecimal unitCost,
        String unitName,
        BigDecimal monthlyDemand,
        BigDecimal monthlyValue,
        String description) {

    /** Unit cost times monthly demand. */
    public BigDecimal monthlyCost() {
        return unitCost.multiply(monthlyDemand);
    }

    /** Monthly value minus monthly cost; negative when the service costs more than it returns. */
    public BigDecimal margin() {
        return monthlyValue.subtract(monthlyCost());
    }

    public boolean isOwnedBy(String userId) {
        return ownerId.filter(userId::equals).isPresent();
    }
}
