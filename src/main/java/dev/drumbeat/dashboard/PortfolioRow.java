package dev.drumbeat.dashboard;

import dev.drumbeat.catalog.Service;
import dev.drumbeat.checkin.CheckInStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One service as the dashboard lists it. Cost and margin are the catalog's own ({@link Service#monthlyCost},
 * {@link Service#margin}): the plan. {@code actual} is what the bills allocated to it in {@code actualMonth}, the
 * workspace's latest whole month of bills ({@link BilledMonth}); empty when they gave it nothing, which reads "no
 * bills", never zero. Status is the latest check-in's colour; stale means an open "stale" escalation, as the escalation
 * rules decide it; ownerless is the catalog's rule (no owner, or one deactivated in Slack).
 */
record PortfolioRow(
        Service service,
        Optional<String> ownerName,
        Optional<String> status,
        Optional<Long> daysSinceCheckIn,
        boolean stale,
        boolean ownerless,
        boolean deprioritised,
        Optional<YearMonth> actualMonth,
        Optional<BigDecimal> actual) {

    String key() {
        return service.key();
    }

    String name() {
        return service.name();
    }

    String tier() {
        return service.tier().label();
    }

    BigDecimal monthlyCost() {
        return service.monthlyCost();
    }

    BigDecimal margin() {
        return service.margin();
    }

    /** The plan: unit cost × monthly demand. */
    BigDecimal plan() {
        return service.monthlyCost();
    }

    /** Actual minus plan: positive when the bills came to more than planned. */
    Optional<BigDecimal> difference() {
        return actual.map(a -> a.subtract(plan()));
    }

    /** The difference as a percentage of the plan, to one decimal; empty without bills or without a plan. */
    Optional<BigDecimal> differencePercent() {
        if (plan().signum() == 0) {
            return Optional.empty();
        }
        return difference().map(d -> d.multiply(HUNDRED).divide(plan(), 1, RoundingMode.HALF_UP));
    }

    /** Monthly value minus what the bills say the service cost. */
    Optional<BigDecimal> marginOnActual() {
        return actual.map(a -> service.monthlyValue().subtract(a));
    }

    /** The bills came to more than the plan. */
    boolean overPlan() {
        return difference().filter(d -> d.signum() > 0).isPresent();
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The word for a service never checked in. */
    static final String NO_STATUS = "none";
    /** Every status word a row can show, as the filter offers them: green, amber, red, then none. */
    static final List<String> STATUS_WORDS = Stream.concat(
                    Arrays.stream(CheckInStatus.values()).map(CheckInStatus::label), Stream.of(NO_STATUS))
            .toList();

    /** The status as a word, {@code none} before the first check-in. */
    String statusWord() {
        return status.orElse(NO_STATUS);
    }
}
