package dev.drumbeat.people;

import dev.drumbeat.core.Role;

/** Someone in the Slack workspace, as Drumbeat knows them. */
public record Person(
        String teamId, String userId, String name, String realName, String tz, boolean deactivated, Role role) {

    /** The name to show: the real name when Slack gave one, else the handle. */
    public String displayName() {
        return realName == null || realName.isBlank() ? name : realName;
    }
}
