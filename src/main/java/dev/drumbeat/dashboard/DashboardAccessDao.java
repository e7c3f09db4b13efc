package dev.drumbeat.dashboard;

import dev.drumbeat.core.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** One-time dashboard links and the sessions they open, found only by the hash of their secret. */
@RegisterRowMapper(DashboardAccessDao.GrantMapper.class)
interface DashboardAccessDao {

    /** What a link or session grants: who, in which workspace, with which role; {@code linkId} for a session's origin. */
    record Grant(long linkId, String teamId, String userId, Role role) {
        public String roleLabel() {
            return role.label();
        }
    }

    @SqlUpdate("""
            insert into dashboard_links (team_id, user_id, role, token_hash, created_at, expires_at)
            values (:teamId, :userId, :role, :hash, :now, :expiresAt)""")
    void insertLink(
            @Bind("teamId") String teamId,
            @Bind("userId") String userId,
            @Bind("role") String role,
            @Bind("hash") String hash,
            @Bind("now") Instant now,
            @Bind("expiresAt") Instant expiresAt);

    /** Spends a link: only one caller ever gets its row back, and only before it expires. */
    @SqlQuery("""
            update dashboard_links set used_at = :now
             where token_hash = :hash and used_at is null and expires_at > :now
            returning id as link_id, team_id, user_id, role""")
    Optional<Grant> consumeLink(@Bind("hash") String hash, @Bind("now") Instant now);

    @SqlUpdate("""
            insert into dashboard_sessions (team_id, user_id, role, session_hash, link_id, created_at, expires_at)
            values (:g.teamId, :g.userId, :g.roleLabel, :hash, :g.linkId, :now, :expiresAt)""")
    void insertSession(
            @BindMethods("g") Grant grant,
            @Bind("hash") String hash,
            @Bind("now") Instant now,
            @Bind("expiresAt") Instant expiresAt);

    @SqlQuery("""
            select link_id, team_id, user_id, role from dashboard_sessions
             where session_hash = :hash and expires_at > :now""")
    Optional<Grant> findSession(@Bind("hash") String hash, @Bind("now") Instant now);

    /** Ends one session at once: signing out. */
    @SqlUpdate("delete from dashboard_sessions where session_hash = :hash")
    int endSession(@Bind("hash") String hash);

    /** Forgets sessions that ended before {@code :before}. */
    @SqlUpdate("delete from dashboard_sessions where expires_at < :before")
    void forgetSessions(@Bind("before") Instant before);

    /** Forgets links that expired before {@code :before} and no longer back a session. */
    @SqlUpdate("""
            delete from dashboard_links l where l.expires_at < :before
               and not exists (select 1 from dashboard_sessions s where s.link_id = l.id)""")
    void forgetLinks(@Bind("before") Instant before);

    /** Maps a row to a {@link Grant}; explicit, so a renamed column fails loudly. */
    final class GrantMapper implements RowMapper<Grant> {
        @Override
        public Grant map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Grant(
                    rs.getLong("link_id"),
                    rs.getString("team_id"),
                    rs.getString("user_id"),
                    Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)));
        }
    }
}
