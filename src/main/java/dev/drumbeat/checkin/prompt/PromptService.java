package dev.drumbeat.checkin.prompt;

import dev.drumbeat.core.Periods;
import dev.drumbeat.measure.Measures;
import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.slack.outbox.OutboxMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
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
 * run on several instances at once: the prompt's unique key and the outbox's dedupe key decide. Each service's line
 * says which of its measured KPIs have no number for their latest week, and why.
 */
public final class PromptService {
    private final Jdbi jdbi;
    private final Outbox outbox;
    private final PromptPlan plan;
    private final Duration reminderDelay;
    private final Clock clock;
    private final UnmeasuredKpis unmeasured;

    public PromptService(Jdbi jdbi, Outbox outbox, Periods periods, Duration reminderDelay, Clock clock) {
        this(jdbi, outbox, periods, reminderDelay, clock, UnmeasuredKpis.NONE);
    }

    /** As above, each service's line saying which of its measured KPIs have no number for their latest week. */
    public PromptService(
            Jdbi jdbi, Outbox outbox, Periods periods, Duration reminderDelay, Clock clock, Measures measures) {
        this(jdbi, outbox, periods, reminderDelay, clock, UnmeasuredKpis.of(measures));
    }

    private PromptService(
            Jdbi jdbi, Outbox outbox, Periods periods, Duration reminderDelay, Clock clock, UnmeasuredKpis unmeasured) {
        this.unmeasured = unmeasured;
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
            PromptPlan.Result result = plan.plan(
                    dao.candidates(),
                    now,
                    new HashSet<>(dao.promptedSince(since)),
                    new HashSet<>(dao.answeredSince(since)));
            excuse(dao, result.excusals(), now);
            int sent = 0;
            Map<String, Map<String, List<String>>> gaps = new HashMap<>();
            for (PromptPlan.NewPrompt prompt : result.prompts()) {
                Map<String, List<String>> teamGaps =
                        gaps.computeIfAbsent(prompt.teamId(), team -> unmeasured.ofTeam(handle, team));
                sent += send(handle, dao, prompt, now, teamGaps) ? 1 : 0;
            }
            return sent;
        });
    }

    /** Queues one reminder, as a thread reply, for each prompt still unanswered after the delay. */
    public int sendDueReminders() {
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            PromptDao dao = handle.attach(PromptDao.class);
            List<PromptDao.DueReminder> due = dao.dueReminders(
                    now, LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(8));
            for (PromptDao.DueReminder reminder : due) {
                remind(handle, reminder);
            }
            dao.markReminded(
                    now, due.stream().mapToLong(PromptDao.DueReminder::id).toArray());
            return due.size();
        });
    }

    private boolean send(
            Handle handle,
            PromptDao dao,
            PromptPlan.NewPrompt prompt,
            Instant now,
            Map<String, List<String>> unmeasured) {
        String outboxKey = "prompt:" + prompt.key();
        Optional<Long> id = dao.insertPrompt(
                prompt.teamId(), prompt.userId(), prompt.periodStart(), outboxKey, now, now.plus(reminderDelay));
        if (id.isEmpty()) {
            return false;
        }
        dao.insertPromptServices(
                id.get(),
                prompt.services().stream()
                        .map(item -> new PromptDao.PromptedService(
                                item.serviceId(), item.coveringFor().orElse(null)))
                        .toList());
        List<PromptViews.Line> lines = prompt.services().stream()
                .map(i -> new PromptViews.Line(i.serviceKey(), i.serviceName(), i.coveringFor(), Optional.empty())
                        .withUnmeasured(unmeasured))
                .toList();
        outbox.enqueue(
                handle,
                OutboxMessage.post(
                        prompt.teamId(),
                        outboxKey,
                        prompt.userId(),
                        PromptMessages.args(prompt.periodStart(), id.get(), Periods.zone(prompt.tz()), lines)));
        return true;
    }

    private static void excuse(PromptDao dao, List<PromptPlan.Excusal> excusals, Instant now) {
        if (excusals.isEmpty()) {
            return;
        }
        dao.excuse(
                excusals.stream()
                        .map(e -> new PromptDao.Excusal(e.serviceId(), e.teamId(), e.periodStart()))
                        .toList(),
                now);
    }

    private void remind(Handle handle, PromptDao.DueReminder reminder) {
        int open = reminder.open();
        String text = "A gentle reminder: " + open + (open == 1 ? " service is" : " services are")
                + " still waiting for this week's check-in. It takes a minute.";
        outbox.enqueue(
                handle,
                OutboxMessage.post(
                        reminder.teamId(),
                        "reminder:" + reminder.id(),
                        reminder.userId(),
                        Map.of("text", text, "thread_ts", Outbox.tsOf(reminder.outboxKey()))));
    }
}
