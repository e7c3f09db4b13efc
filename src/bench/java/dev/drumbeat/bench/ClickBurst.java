package dev.drumbeat.bench;

import dev.drumbeat.checkin.CheckInRef;
import dev.drumbeat.checkin.CheckInViews;
import dev.drumbeat.sandbox.SlackDriver;
import dev.drumbeat.sandbox.standin.SlackStandIn;
import dev.drumbeat.sandbox.standin.SlackStandInCall;
import dev.drumbeat.support.SlackPayloads;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.jdbi.v3.core.Jdbi;

/**
 * A burst of clicks: owners press the Check in button of a weekly prompt all at the same moment, each a signed
 * block_actions request on a connection of its own (a fresh client per burst), each with a trigger id the stand-in
 * holds valid for 3 s, so that Drumbeat opens the check-in modal through views.open. Counts what the clicker's side
 * saw (answers, connection resets and other failures, latency) and what the stand-in saw (modals opened or refused).
 * Not thread-safe: one burst at a time.
 */
final class ClickBurst {
    /** An owner and a service they own. */
    record Owned(String userId, String serviceKey) {}

    private final URI events;
    private final String secret;
    private final SlackStandIn slack;
    private final String teamId;
    private final List<Owned> owned;
    private final LocalDate period;

    ClickBurst(URI events, String secret, SlackStandIn slack, String teamId, List<Owned> owned, LocalDate period) {
        this.events = events;
        this.secret = secret;
        this.slack = slack;
        this.teamId = teamId;
        this.owned = List.copyOf(owned);
        this.period = period;
    }

    /** {@code count} services with their owners, spread over the catalog. */
    static List<Owned> owned(Jdbi jdbi, String teamId, int count) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select owner_id, key from services
                         where team_id = ? and active and owner_id is not null order by id % 7, id limit ?""")
                .bind(0, teamId)
                .bind(1, count)
                .map((rs, ctx) -> new Owned(rs.getString("owner_id"), rs.getString("key")))
                .list());
    }

    /**
     * Every click sent at once; returns when each has its answer or its failure. As in Slack, each click's trigger id
     * is made the moment it is clicked, and lives 3 s from then.
     */
    ClickTally fire(String name, Optional<ProcessHandle> database) throws InterruptedException {
        SlackDriver driver = new SlackDriver(events, secret, Clock.systemUTC());
        ConditionsProbe probe = ConditionsProbe.start(database);
        long overflowsBefore = ListenOverflows.now();
        Instant began = Instant.now();
        CountDownLatch ready = new CountDownLatch(owned.size());
        CountDownLatch go = new CountDownLatch(1);
        List<ClickTally.Click> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (Owned click : owned) {
            Thread thread = new Thread(() -> seen.add(send(driver, click, ready, go)), "bench-click");
            threads.add(thread);
            thread.start();
        }
        ready.await();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        List<SlackStandInCall> opened = slack.calls("views.open").stream()
                .filter(call -> !call.at().isBefore(began))
                .toList();
        long overflows = ListenOverflows.now() - overflowsBefore;
        return new ClickTally(name, new ArrayList<>(seen), opened, overflows, probe.stop());
    }

    /**
     * {@code count} clicks one after another, not counted, so that the bursts measure a running server rather than
     * its first steps; returns how long the first took, in milliseconds.
     */
    double warmUp(int count) {
        SlackDriver driver = new SlackDriver(events, secret, Clock.systemUTC());
        double first = 0;
        for (int i = 0; i < count; i++) {
            long sent = System.nanoTime();
            driver.interaction(payload(owned.get(i % owned.size())));
            first = i == 0 ? (System.nanoTime() - sent) / 1e6 : first;
        }
        return first;
    }

    private Map<String, Object> payload(Owned click) {
        return SlackPayloads.blockAction(
                teamId,
                click.userId(),
                slack.registerTrigger(click.userId()),
                CheckInViews.OPEN_ACTION + ":" + click.serviceKey(),
                CheckInRef.of(click.serviceKey(), period).encode());
    }

    private ClickTally.Click send(SlackDriver driver, Owned owner, CountDownLatch ready, CountDownLatch go) {
        ready.countDown();
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ClickTally.Click(0, "interrupted");
        }
        long sent = System.nanoTime();
        try {
            HttpResponse<String> response = driver.interaction(payload(owner));
            long took = System.nanoTime() - sent;
            return new ClickTally.Click(took, response.statusCode() == 200 ? null : "HTTP " + response.statusCode());
        } catch (UncheckedIOException e) {
            return new ClickTally.Click(System.nanoTime() - sent, ClickTally.kind(e.getCause()));
        }
    }
}
