package dev.drumbeat.core;

/** Who is asking for a change, with the role that decides whether they may make it. */
public record Actor(String teamId, String userId, Role role) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** The actor as the audit log names them. */
    public String auditName() {
        return userId;
    }
}
