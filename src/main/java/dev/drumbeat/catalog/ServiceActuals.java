package dev.drumbeat.catalog;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Optional;

/**
 * What the bills say a service actually cost, for the card to show beside the plan (unit cost × demand). Supplied by
 * the costs feature; {@link #NONE} where there are no bills.
 */
public interface ServiceActuals {
    ServiceActuals NONE = (teamId, serviceId) -> Optional.empty();

    /**
     * The latest whole month with cost allocated to the service (the month so far only when no whole month has any),
     * and what it came to across every account.
     */
    Optional<Actual> latest(String teamId, long serviceId);

    /**
     * A month's actual cost from the bills; {@code soFar} when the month is not over, so its bills are only part of
     * it.
     */
    record Actual(YearMonth month, BigDecimal cost, boolean soFar) {}
}
