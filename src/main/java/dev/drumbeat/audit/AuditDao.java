package dev.drumbeat.audit;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The append-only audit log: who changed what, when, from what to what. */
public interface AuditDao {

    @SqlUpdate("""
            insert into audit_log (team_id, actor, at, entity, entity_key, action, before, after)
            values (:teamId, :actor, :at, :entity, :entityKey, :action, cast(:before as jsonb), cast(:after as jsonb))""")
    void insert(
            @Bind("teamId") String teamId,
            @Bind("actor") String actor,
            @Bind("at") Instant at,
            @Bind("entity") String entity,
            @Bind("entityKey") String entityKey,
            @Bind("action") String action,
            @Bind("before") String beforeJson,
            @Bind("after") String afterJson);

    @SqlQuery("""
            select action || ' ' || entity || ' ' || entity_key || ' by ' || actor from audit_log
             where team_id = :teamId order by id""")
    List<String> describeAll(@Bind("teamId") String teamId);
}
