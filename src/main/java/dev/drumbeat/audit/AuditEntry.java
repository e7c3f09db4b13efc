package dev.drumbeat.audit;

import java.util.Optional;

/** One change to audit; actor is a Slack user id, or a tag such as {@code csv:<file>} or {@code api}. */
public record AuditEntry(
        String teamId,
        String actor,
        String entity,
        String entityKey,
        String action,
        Optional<Object> before,
        Optional<Object> after) {

    public static AuditEntry change(
            String teamId, String actor, String entity, String key, Object before, Object after) {
        String action = before == null ? "create" : "update";
        return new AuditEntry(
                teamId, actor, entity, key, action, Optional.ofNullable(before), Optional.ofNullable(after));
    }
}
