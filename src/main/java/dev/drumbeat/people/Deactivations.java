package dev.drumbeat.people;

/**
 * Told when Slack says someone in a workspace was deactivated, so their services can be escalated as ownerless.
 * Called on the request thread: it must hand slow work off.
 */
public interface Deactivations {
    void deactivated(String teamId);
}
