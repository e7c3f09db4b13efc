package dev.drumbeat.dashboard;

import dev.drumbeat.catalog.Service;
import dev.drumbeat.checkin.CheckInStatus;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One service as the dashboard lists it. Cost and margin are the catalog's own ({@link Service#monthlyCost},
 * {@link Service#margin}); status is the latest check-in's colour; stale means an open "stale" escalation, as the
 * escalation rules decide it; ownerless is the catalog's rule (no owner, or one deactivated in Slack).
 */
record PortfolioRow(
        Service service,
        Optional<String> ownerName,
        Optional<String> status,
        Optional<Long> daysSinceCheckIn,
        boolean stale,
        boolean ownerless,
        boolean deprioritised) {

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
