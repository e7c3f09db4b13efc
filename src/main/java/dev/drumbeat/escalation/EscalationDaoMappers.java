package dev.drumbeat.escalation;

import dev.drumbeat.escalation.rules.Finding;
import dev.drumbeat.escalation.rules.Reason;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Row mappers for {@link EscalationDao}'s records; explicit, so a renamed column fails loudly. */
public final class EscalationDaoMappers {
    private EscalationDaoMappers() {}

    public static final class EscalationMapper implements RowMapper<EscalationDao.Row> {
        @Override
        public EscalationDao.Row map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new EscalationDao.Row(
                    rs.getLong("id"),
                    rs.getString("team_id"),
                    subject(rs),
                    Reason.ofCode(rs.getString("reason")),
                    rs.getString("detail"),
                    rs.getInt("level"),
                    instant(rs, "opened_at").orElseThrow(),
                    instant(rs, "level_changed_at").orElseThrow(),
                    text(rs, "acknowledged_by"),
                    instant(rs, "acknowledged_at"),
                    instant(rs, "snoozed_until"),
                    text(rs, "snoozed_by"),
                    text(rs, "snooze_reason"),
                    instant(rs, "closed_at"),
                    text(rs, "close_reason"));
        }
    }

    public static final class ItemMapper implements RowMapper<EscalationDao.Item> {
        @Override
        public EscalationDao.Item map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new EscalationDao.Item(
                    new Finding.Subject(rs.getString("kind"), rs.getLong("id")),
                    rs.getString("key"),
                    rs.getString("name"),
                    rs.getBoolean("active"),
                    text(rs, "owner_id"),
                    rs.getBoolean("owner_active"),
                    rs.getString("owner_tz"),
                    date(rs, "away_until"),
                    text(rs, "away_deputy_id"),
                    text(rs, "deputy_id"),
                    text(rs, "team_channel"));
        }
    }

    public static final class PostedMapper implements RowMapper<EscalationDao.Posted> {
        @Override
        public EscalationDao.Posted map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new EscalationDao.Posted(
                    rs.getLong("escalation_id"),
                    rs.getString("channel"),
                    rs.getString("outbox_key"),
                    rs.getInt("posted_level"));
        }
    }

    public static final class ListedMapper implements RowMapper<EscalationDao.Listed> {
        @Override
        public EscalationDao.Listed map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new EscalationDao.Listed(
                    rs.getLong("id"),
                    subject(rs),
                    rs.getString("key"),
                    rs.getString("name"),
                    Reason.ofCode(rs.getString("reason")),
                    rs.getString("detail"),
                    rs.getInt("level"),
                    instant(rs, "opened_at").orElseThrow(),
                    rs.getBoolean("acknowledged"),
                    instant(rs, "snoozed_until"),
                    rs.getInt("total"));
        }
    }

    private static Finding.Subject subject(ResultSet rs) throws SQLException {
        return new Finding.Subject(rs.getString("subject_kind"), rs.getLong("subject_id"));
    }

    private static Optional<String> text(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return Optional.ofNullable(at).map(Timestamp::toInstant);
    }

    private static Optional<LocalDate> date(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getDate(column)).map(Date::toLocalDate);
    }
}
