package dev.drumbeat.catalog;

import java.util.Optional;

/**
 * A service with its latest check-in, whether its owner has left Slack, and the standing decision that deprioritised
 * it, if any: one row of the catalog listing.
 */
public record ServiceListing(
        Service service,
        Optional<CheckInSummary> lastCheckIn,
        boolean ownerDeactivated,
        Optional<Long> deprioritisedBy) {

    /** No owner, or an owner deactivated in Slack: nobody is answering for it. */
    public boolean isOwnerless() {
        return service.ownerId().isEmpty() || ownerDeactivated;
    }
}
