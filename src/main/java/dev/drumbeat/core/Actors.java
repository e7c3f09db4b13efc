package dev.drumbeat.core;

/** Who is asking: turns Slack's team, user id and user name into an {@link Actor} with a role. */
public interface Actors {
    Actor actorFor(String teamId, String userId, String userName);

    /** Who is asking when Slack names only the user, as an event does: a known person keeps the name they have. */
    default Actor actorFromEvent(String teamId, String userId) {
        return actorFor(teamId, userId, userId);
    }
}
