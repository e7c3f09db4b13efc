package dev.drumbeat.checkin;

import dev.drumbeat.core.Periods;

import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.slack.outbox.OutboxMessage;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Re-renders a prompt DM after a check-in changed and queues a {@code chat.update} of it, in the caller's
 * transaction. Each refresh is its own logical message (a state can come back, green → amber → green),
 * so its dedupe key is fresh; callers refresh only when something changed.
 */
public final class PromptRefresh {
    private final Outbox outbox;

    public PromptRefresh(Outbox outbox) {
        this.outbox = outbox;
    }

    public void refresh(Handle handle, long promptId) {
        Optional<Map<String, Object>> prompt = handle.createQuery("""
                select p.team_id, p.user_id, p.period_start, p.outbox_key, pe.tz from checkin_prompts p
                  join people pe on pe.team_id = p.team_id and pe.user_id = p.user_id where p.id = :id""")
                .bind("id", promptId).mapToMap().findOne();
        if (prompt.isEmpty()) {
            return;
        }
        LocalDate period = ((Date) prompt.get().get("period_start")).toLocalDate();
        List<PromptViews.Line> lines = lines(handle, promptId, period);
        Map<String, Object> args = PromptMessages.args(period, promptId, Periods.zone((String) prompt.get().get("tz")), lines);
        String teamId = (String) prompt.get().get("team_id");
        outbox.enqueue(handle, OutboxMessage.update(teamId, "prompt-update:" + promptId + ":" + UUID.randomUUID(),
                (String) prompt.get().get("user_id"), (String) prompt.get().get("outbox_key"), args));
    }

    private static List<PromptViews.Line> lines(Handle handle, long promptId, LocalDate period) {
        return handle.createQuery("""
                select s.key, s.name, ps.covering_for, c.status, c.submitted_by, c.submitted_at
                  from checkin_prompt_services ps
                  join services s on s.id = ps.service_id
                  left join checkins c on c.service_id = ps.service_id and c.period_start = :period
                 where ps.prompt_id = :id
                 order by s.id""")
                .bind("id", promptId).bind("period", period)
                .map((rs, ctx) -> {
                    String status = rs.getString("status");
                    Timestamp at = rs.getTimestamp("submitted_at");
                    Optional<PromptViews.Answer> answer = status == null ? Optional.empty()
                            : Optional.of(new PromptViews.Answer(status, rs.getString("submitted_by"), at.toInstant()));
                    return new PromptViews.Line(rs.getString("key"), rs.getString("name"),
                            Optional.ofNullable(rs.getString("covering_for")), answer);
                })
                .list();
    }
}
