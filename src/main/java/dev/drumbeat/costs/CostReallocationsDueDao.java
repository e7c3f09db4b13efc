package dev.drumbeat.costs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The workspaces whose rules changed and whose imported months still wait to be allocated by them again. */
interface CostReallocationsDueDao {
    record Due(String teamId, String requestedBy, Instant requestedAt) {}

    @SqlUpdate("""
            insert into cost_reallocations_due (team_id, requested_by, requested_at) values (:teamId, :by, :at)
            on conflict (team_id) do update set requested_by = excluded.requested_by, requested_at = excluded.requested_at""")
    void mark(@Bind("teamId") String teamId, @Bind("by") String by, @Bind("at") Instant at);

    @SqlQuery("select requested_at from cost_reallocations_due where team_id = :teamId")
    Optional<Instant> requestedAt(@Bind("teamId") String teamId);

    /** Done with the request read at {@code at}; a later one stays due. */
    @SqlUpdate("delete from cost_reallocations_due where team_id = :teamId and requested_at <= :at")
    void done(@Bind("teamId") String teamId, @Bind("at") Instant at);

    @SqlQuery("select team_id, requested_by, requested_at from cost_reallocations_due where requested_at <= :before"
            + " order by requested_at")
    @RegisterConstructorMapper(Due.class)
    List<Due> dueBefore(@Bind("before") Instant before);
}
