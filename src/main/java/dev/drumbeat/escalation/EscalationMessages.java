package dev.drumbeat.escalation;

import dev.drumbeat.escalation.rules.Finding;
import dev.drumbeat.slack.BlockJson;
import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.slack.outbox.OutboxMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Brings the messages of some escalations up to date with their stored state, through the outbox and in the
 * caller's transaction: posts once to each place the escalation's level reaches and has not been posted to
 * (recorded in {@code escalation_messages}), and updates every earlier post in place with {@code chat.update}.
 * Posts are keyed {@code esc:<id>:<channel>}; updates carry a digest of their content, so rendering the same
 * state twice (a retried sweep, two instances) queues it once. Thread-safe.
 */
final class EscalationMessages {
    /** How messages and lists name a workspace's cloud bills, as {@code listOpen.sql} and the digest do. */
    static final String BILLS_NAME = "Cloud bills";

    private final Outbox outbox;
    private final Optional<String> leadershipChannel;

    EscalationMessages(Outbox outbox, Optional<String> leadershipChannel) {
        this.outbox = outbox;
        this.leadershipChannel = leadershipChannel;
    }

    /** The highest level the ladder can reach: 3 with a leadership channel, else 2. */
    int topLevel() {
        return leadershipChannel.isPresent() ? EscalationServicePlan.TOP : 2;
    }

    void refresh(Handle handle, String teamId, List<EscalationDao.Row> rows, Instant now) {
        if (rows.isEmpty()) {
            return;
        }
        EscalationDao dao = handle.attach(EscalationDao.class);
        Map<Finding.Subject, EscalationDao.Item> items = items(dao, teamId, rows);
        Map<Long, List<EscalationDao.Posted>> posted =
                dao.posted(rows.stream().mapToLong(EscalationDao.Row::id).toArray()).stream()
                        .collect(Collectors.groupingBy(EscalationDao.Posted::escalationId));
        List<Fresh> fresh = new ArrayList<>();
        for (EscalationDao.Row row : rows) {
            EscalationDao.Item item = items.getOrDefault(row.subject(), removed(row.subject()));
            fresh.addAll(refresh(handle, dao, row, item, posted.getOrDefault(row.id(), List.of()), now));
        }
        dao.recordPosts(post(handle, teamId, fresh, now));
    }

    /** A message still to post for an escalation in one place. */
    private record Fresh(EscalationDao.Row row, EscalationMessagesPlaces.Place place, Rendered message) {}

    /**
     * Posts the new messages. Several for one person or channel in one sweep are gathered under one short
     * parent message, each escalation a reply in its thread (still edited in place), so nobody gets a burst.
     */
    private List<EscalationDao.Posted> post(Handle handle, String teamId, List<Fresh> fresh, Instant now) {
        List<EscalationDao.Posted> posts = new ArrayList<>();
        List<OutboxMessage> queued = new ArrayList<>();
        Map<String, List<Fresh>> byChannel = fresh.stream()
                .collect(Collectors.groupingBy(f -> f.place().channel(), LinkedHashMap::new, Collectors.toList()));
        byChannel.forEach((channel, messages) -> {
            Optional<String> parent = Optional.empty();
            if (messages.size() >= 2) {
                OutboxMessage head = parent(teamId, channel, messages.size(), now);
                queued.add(head);
                parent = Optional.of(head.dedupeKey());
            }
            for (Fresh f : messages) {
                String key = "esc:" + f.row().id() + ":" + channel;
                Map<String, Object> args = new HashMap<>(f.message().args());
                parent.ifPresent(p -> args.put("thread_ts", Outbox.tsOf(p)));
                queued.add(OutboxMessage.post(teamId, key, channel, args));
                posts.add(new EscalationDao.Posted(
                        f.row().id(), channel, key, f.place().level()));
            }
        });
        outbox.enqueueAll(handle, queued);
        return posts;
    }

    private static OutboxMessage parent(String teamId, String channel, int count, Instant now) {
        String key = "esc-batch:" + teamId + ":" + channel + ":" + now.toEpochMilli();
        String text = ":bell: " + count + " escalations need attention here. Each is a reply in this thread,"
                + " with its buttons; each is updated in place as it climbs or clears.";
        return OutboxMessage.post(
                teamId,
                key,
                channel,
                Map.of(
                        "text",
                        text,
                        "blocks",
                        List.of(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", text)))));
    }

    static Map<Finding.Subject, EscalationDao.Item> items(
            EscalationDao dao, String teamId, List<EscalationDao.Row> rows) {
        long[] services = ids(rows, "service");
        long[] initiatives = ids(rows, "initiative");
        Map<Finding.Subject, EscalationDao.Item> items = dao.items(teamId, services, initiatives).stream()
                .collect(Collectors.toMap(EscalationDao.Item::subject, Function.identity(), (a, b) -> a, HashMap::new));
        if (rows.stream().anyMatch(row -> row.subject().kind().equals(Finding.Subject.BILLS))) {
            items.put(Finding.Subject.bills(), bills());
        }
        return items;
    }

    /** The workspace's cloud bills as an escalated item: nobody owns them, so they go to leadership. */
    static EscalationDao.Item bills() {
        return new EscalationDao.Item(
                Finding.Subject.bills(),
                "",
                BILLS_NAME,
                true,
                Optional.empty(),
                false,
                "UTC",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** Updates the escalation's existing messages and says where it must now be posted too. */
    private List<Fresh> refresh(
            Handle handle,
            EscalationDao dao,
            EscalationDao.Row row,
            EscalationDao.Item item,
            List<EscalationDao.Posted> earlier,
            Instant now) {
        List<EscalationMessagesPlaces.Place> places = new ArrayList<>();
        earlier.forEach(p -> places.add(new EscalationMessagesPlaces.Place(p.channel(), p.postedLevel())));
        List<EscalationMessagesPlaces.Place> fresh = row.isOpen()
                ? EscalationMessagesPlaces.upTo(row.level(), item, leadershipChannel, now).stream()
                        .filter(p -> earlier.stream().noneMatch(e -> e.channel().equals(p.channel())))
                        .toList()
                : List.of();
        places.addAll(fresh);
        Rendered message = render(row, item, places);
        for (EscalationDao.Posted post : earlier) {
            update(handle, dao, row.teamId(), post, message);
        }
        return fresh.stream().map(place -> new Fresh(row, place, message)).toList();
    }

    /**
     * Queues a {@code chat.update} of one post, keyed by content. When that content was already sent once but
     * something else has been sent since (A, then B, then A again), the key is extended by the latest update's key,
     * which every instance computes alike.
     */
    private void update(Handle handle, EscalationDao dao, String teamId, EscalationDao.Posted post, Rendered message) {
        String prefix = "esc-update:" + post.escalationId() + ":" + post.channel() + ":";
        String key = prefix + message.digest();
        if (outbox.enqueue(
                handle, OutboxMessage.update(teamId, key, post.channel(), post.outboxKey(), message.args()))) {
            return;
        }
        Optional<String> latest = dao.latestUpdate(prefix);
        if (latest.isPresent() && !latest.get().startsWith(key)) {
            String again = key + "@" + digest(latest.get());
            outbox.enqueue(
                    handle, OutboxMessage.update(teamId, again, post.channel(), post.outboxKey(), message.args()));
        }
    }

    private static Rendered render(
            EscalationDao.Row row, EscalationDao.Item item, List<EscalationMessagesPlaces.Place> places) {
        String text = EscalationViews.text(row, item);
        String blocks = BlockJson.text(EscalationViews.blocks(row, item, places));
        return new Rendered(Map.of("text", text, "blocks", BlockJson.parse(blocks)), digest(text + blocks));
    }

    /** Stands in for an item deleted from the catalog, so its escalation can still say it closed. */
    static EscalationDao.Item removed(Finding.Subject subject) {
        return new EscalationDao.Item(
                subject,
                "removed",
                "A removed " + subject.kind(),
                false,
                Optional.empty(),
                false,
                "UTC",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private static long[] ids(List<EscalationDao.Row> rows, String kind) {
        return rows.stream()
                .map(EscalationDao.Row::subject)
                .filter(s -> s.kind().equals(kind))
                .mapToLong(Finding.Subject::id)
                .distinct()
                .toArray();
    }

    private static String digest(String content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private record Rendered(Map<String, Object> args, String digest) {}
}
