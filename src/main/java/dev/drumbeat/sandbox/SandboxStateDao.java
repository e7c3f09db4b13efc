package dev.drumbeat.sandbox;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Where the demo's clock stood and the sandbox's conversations, one row per workspace, replaced at each save. */
interface SandboxStateDao {

    record Saved(Instant clockAt, String history) {}

    @SqlQuery("select clock_at, cast(history as text) as history from sandbox_state where team_id = :teamId")
    @RegisterConstructorMapper(Saved.class)
    Optional<Saved> find(@Bind("teamId") String teamId);

    @SqlUpdate("""
            insert into sandbox_state (team_id, clock_at, history) values (:teamId, :clockAt, cast(:history as jsonb))
            on conflict (team_id) do update set clock_at = excluded.clock_at, history = excluded.history""")
    void save(@Bind("teamId") String teamId, @Bind("clockAt") Instant clockAt, @Bind("history") String history);
}
