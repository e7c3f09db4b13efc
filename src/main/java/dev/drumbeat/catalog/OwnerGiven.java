package dev.drumbeat.catalog;

import dev.drumbeat.core.Actor;

/**
 * Told when a service is given an owner here ({@code /drumbeat owner}, the service modal), so another feature can
 * follow at once: escalations close the service's ownerless escalation. {@link #NONE} does nothing.
 */
public interface OwnerGiven {
    OwnerGiven NONE = (actor, service) -> {};

    /** {@code service} as saved, with its new owner. */
    void given(Actor actor, Service service);
}
