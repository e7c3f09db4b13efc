package dev.drumbeat.checkin.prompt;

import dev.drumbeat.checkin.PromptUpdates;
import dev.drumbeat.core.Periods;
import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.slack.outbox.OutboxMessage;
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
public final class PromptRefresh implements PromptUpdates {
    private final Outbox outbox;
    private final UnmeasuredKpis unmeasured;

    public PromptRefresh(Outbox outbox) {
        this(outbox, UnmeasuredKpis.NONE);
    }

    PromptRefresh(Outbox outbox, UnmeasuredKpis unmeasured) {
        this.outbox = outbox;
        this.unmeasured = unmeasured;
    }

    @Override
    public void refresh(Handle handle, long promptId) {
        PromptDao dao = handle.attach(PromptDao.class);
        Optional<PromptDao.SentPrompt> prompt = dao.findSent(promptId);
        if (prompt.isEmpty()) {
            return;
        }
        PromptDao.SentPrompt sent = prompt.get();
        List<PromptViews.Line> found = dao.findLines(promptId, sent.periodStart());
        Map<String, List<String>> gaps = unmeasured.of(
                handle,
                sent.teamId(),
                found.stream().map(PromptViews.Line::serviceKey).toList());
        List<PromptViews.Line> lines =
                found.stream().map(line -> line.withUnmeasured(gaps)).toList();
        Map<String, Object> args = PromptMessages.args(sent.periodStart(), promptId, Periods.zone(sent.tz()), lines);
        outbox.enqueue(
                handle,
                OutboxMessage.update(
                        sent.teamId(),
                        "prompt-update:" + promptId + ":" + UUID.randomUUID(),
                        sent.userId(),
                        sent.outboxKey(),
                        args));
    }
}
