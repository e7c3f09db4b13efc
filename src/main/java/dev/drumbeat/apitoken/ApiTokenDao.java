package dev.drumbeat.apitoken;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** API tokens by team; the hash is written and searched for, never read back. */
@RegisterRowMapper(ApiTokenDao.Mapper.class)
public interface ApiTokenDao {

    String COLUMNS = "id, team_id, label, created_by, created_at, last_used_at, revoked_at";

    @SqlUpdate("""
            insert into api_tokens (team_id, label, token_hash, created_by, created_at)
            values (:teamId, :label, :hash, :createdBy, :at)""")
    @GetGeneratedKeys("id")
    long insert(
            @Bind("teamId") String teamId,
            @Bind("label") String label,
            @Bind("hash") String hash,
            @Bind("createdBy") String createdBy,
            @Bind("at") Instant at);

    @SqlQuery("select " + COLUMNS + " from api_tokens where id = :id")
    Optional<ApiToken> find(@Bind("id") long id);

    @SqlQuery("select " + COLUMNS + " from api_tokens where token_hash = :hash")
    Optional<ApiToken> findByHash(@Bind("hash") String hash);

    @SqlQuery("select " + COLUMNS + " from api_tokens where team_id = :teamId order by created_at, id")
    List<ApiToken> list(@Bind("teamId") String teamId);

    @SqlQuery("select " + COLUMNS
            + " from api_tokens where team_id = :teamId and label = :label and revoked_at is null for update")
    Optional<ApiToken> lockLive(@Bind("teamId") String teamId, @Bind("label") String label);

    @SqlUpdate("update api_tokens set revoked_at = :at where id = :id")
    void revoke(@Bind("id") long id, @Bind("at") Instant at);

    @SqlUpdate("update api_tokens set last_used_at = :at where id = :id")
    void markUsed(@Bind("id") long id, @Bind("at") Instant at);

    /** Maps a row to {@link ApiToken}; explicit, so a renamed column fails loudly. */
    final class Mapper implements RowMapper<ApiToken> {
        @Override
        public ApiToken map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new ApiToken(
                    rs.getLong("id"),
                    rs.getString("team_id"),
                    rs.getString("label"),
                    rs.getString("created_by"),
                    rs.getTimestamp("created_at").toInstant(),
                    instant(rs, "last_used_at"),
                    instant(rs, "revoked_at"));
        }

        private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
            return Optional.ofNullable(rs.getTimestamp(column)).map(Timestamp::toInstant);
        }
    }
}
