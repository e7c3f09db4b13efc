package dev.drumbeat.catalog;

import java.util.Optional;

/** A service with its latest check-in, one row of the catalog listing. */
public record ServiceListing(Service service, Optional<CheckInSummary> lastCheckIn) {
}
