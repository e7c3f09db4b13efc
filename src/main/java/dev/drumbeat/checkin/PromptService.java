package dev.drumbeat.checkin;

import dev.drumbeat.core.Periods;

import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.slack.outbox.OutboxMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The weekly heartbeat: sends each due prompt once (one DM per person per period, queued through the
 * outbox with the prompt as its dedupe key), excuses services whose owner is away uncovered, and sends
 * one reminder as a thread reply when a prompt is still unanswered after the configured delay. Safe to
 * run on several instances at once: the prompt's unique key and the outbox's dedupe key decide.
 */
public final class PromptService {
    private final Jdbi jdbi;
    private final Outbox outbox;
    private final PromptPlan plan;
    private final Duration reminderDelay;
    private final Clock clock;

    public PromptService(Jdbi jdbi, Outbox outbox, Periods periods, Duration reminderDelay, Clock clock) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.plan = new PromptPlan(periods);
        this.reminderDelay = reminderDelay;
        this.clock = clock;
    }

    /** Queues every prompt due now that has not been sent; returns how many. */
    public int sendDuePrompts() {
        Instant now = clock.instant();
        LocalDate since = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(8);
        return jdbi.inTransaction(handle -> {
            PromptDao dao = handle.attach(PromptDao.class);
            PromptPlan.Result result = plan.plan(dao.candidates(), now, new HashSet<>(dao.promptedSince(since)),
                    new HashSet<>(dao.answeredSince(since)));
            excuse(handle, result.excusals(), now);
            int sent = 0;
            for (PromptPlan.NewPrompt prompt : result.prompts()) {
                sent += send(handle, prompt, now) ? 1 : 0;
            }
            return sent;
        });
    }

    /** Queues one reminder, as a thread reply, for each prompt still unanswered after the delay. */
    public int sendDueReminders() {
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            List<Map<String, Object>> due = handle.createQuery(PromptSql.DUE_REMINDERS).bind("now", now)
                    .bind("since", LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(8)).mapToMap().list();
            for (Map<String, Object> row : due) {
                remind(handle, row);
            }
            long[] ids = due.stream().mapToLong(row -> ((Number) row.get("id")).longValue()).toArray();
            handle.createUpdate("update checkin_prompts set reminded_at = :now where id = any(:ids)")
                    .bind("now", now).bind("ids", ids).execute();
            return due.size();
        });
    }

    private boolean send(Handle handle, PromptPlan.NewPrompt prompt, Instant now) {
        String outboxKey = "prompt:" + prompt.key();
        Optional<Long> id = handle.createQuery(PromptSql.INSERT_PROMPT)
                .bind("team", prompt.teamId()).bind("user", prompt.userId()).bind("period", prompt.periodStart())
                .bind("key", outboxKey).bind("now", now).bind("remindAt", now.plus(reminderDelay))
                .mapTo(Long.class).findOne();
        if (id.isEmpty()) {
            return false;
        }
        var batch = handle.prepareBatch("insert into checkin_prompt_services (prompt_id, service_id, covering_for) "
                + "values (:prompt, :service, :covering)");
        prompt.services().forEach(item -> batch.bind("prompt", id.get()).bind("service", item.serviceId())
                .bind("covering", item.coveringFor().orElse(null)).add());
        batch.execute();
        List<PromptViews.Line> lines = prompt.services().stream()
                .map(i -> new PromptViews.Line(i.serviceKey(), i.serviceName(), i.coveringFor(), Optional.empty())).toList();
        outbox.enqueue(handle, OutboxMessage.post(prompt.teamId(), outboxKey, prompt.userId(),
                PromptMessages.args(prompt.periodStart(), id.get(), Periods.zone(prompt.tz()), lines)));
        return true;
    }

    private void excuse(Handle handle, List<PromptPlan.Excusal> excusals, Instant now) {
        if (excusals.isEmpty()) {
            return;
        }
        var batch = handle.prepareBatch("insert into checkin_excusals (service_id, team_id, period_start, reason, created_at) "
                + "values (:service, :team, :period, 'owner away, nobody covering', :now) on conflict do nothing");
        excusals.forEach(e -> batch.bind("service", e.serviceId()).bind("team", e.teamId())
                .bind("period", e.periodStart()).bind("now", now).add());
        batch.execute();
    }

    private void remind(Handle handle, Map<String, Object> row) {
        long promptId = ((Number) row.get("id")).longValue();
        int open = ((Number) row.get("open")).intValue();
        String text = "A gentle reminder: " + open + (open == 1 ? " service is" : " services are")
                + " still waiting for this week's check-in. It takes a minute.";
        outbox.enqueue(handle, OutboxMessage.post((String) row.get("team_id"), "reminder:" + promptId,
                (String) row.get("user_id"), Map.of("text", text, "thread_ts", Outbox.tsOf((String) row.get("outbox_key")))));
    }
}
