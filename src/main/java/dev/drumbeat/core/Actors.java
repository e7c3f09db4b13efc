package dev.drumbeat.core;

/** Who is asking: turns Slack's team, user id and user name into an {@link Actor} with a role. */
public interface Actors {
    Actor actorFor(String teamId, String userId, String userName);
}
