package dev.drumbeat.okr;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * What a decision of the quarter realised: for its services, what the bills measure ({@link RealisedSavings}) or why
 * they cannot; for its paused initiatives, their monthly budgets (initiatives are not in the bills). An undone decision
 * realises nothing. Immutable.
 *
 * @param bills      the services' fall in the bills, when measured
 * @param noBills    why the bills cannot measure the services, when they cannot ("no bills to measure it")
 */
record DecisionOutcome(OkrReviewDao.DecisionRow decision, Optional<Measured> bills, Optional<String> noBills) {

    /** The services' average monthly cost in the bills before the decision minus after it, and those months. */
    record Measured(BigDecimal realised, List<YearMonth> before, List<YearMonth> after) {
        Measured {
            before = List.copyOf(before);
            after = List.copyOf(after);
        }
    }

    /** What it realised a month: the services' fall in the bills and the paused initiatives' budgets. */
    BigDecimal realised() {
        if (decision.undone()) {
            return BigDecimal.ZERO;
        }
        return bills.map(Measured::realised).orElse(BigDecimal.ZERO).add(decision.initiativesRealised());
    }

    /** A standing decision whose services the bills could not measure. */
    boolean unmeasured() {
        return !decision.undone() && noBills.isPresent();
    }

    boolean hasServices() {
        return !decision.serviceIds().isEmpty();
    }
}
