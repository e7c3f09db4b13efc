package dev.drumbeat.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.escalation.rules.Finding;
import dev.drumbeat.escalation.rules.Reason;
import dev.drumbeat.escalation.settings.Thresholds;
import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.MutableClock;
import dev.drumbeat.support.Seed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ladder on a real database: what apply opens, climbs and closes, and what it queues in the outbox. */
class EscalationServiceTest {
    static final String TEAM = "T0LADDER";
    static final String ALICE = "U0ALICE01";
    static final String BOB = "U0BOB0001";
    static final Instant MONDAY = Instant.parse("2027-03-15T09:00:00Z");
    static final Thresholds THRESHOLDS = Thresholds.defaults();

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withoutApp();

    static MutableClock clock = new MutableClock(MONDAY);
    static EscalationService escalations;
    static Seed seed;
    static final List<Finding> ruled = new ArrayList<>();

    @BeforeEach
    void reset() {
        escalations = service(Optional.of("C0LEADERS"));
        seed = new Seed(drumbeat.jdbi(), TEAM).person(ALICE, "alice", "member").person(BOB, "bob", "member");
        clock.set(MONDAY);
        ruled.clear();
        seed.service("payments", "Payments API", "core", ALICE, "1", "1", "1")
                .deputy("payments", BOB)
                .service("crm", "CRM", "core", null, "1", "1", "1");
        drumbeat.jdbi()
                .useHandle(h -> h.execute("update services set team_channel = 'C0PAYMENTS' where key = 'payments'"));
    }

    static EscalationService service(Optional<String> leadership) {
        return new EscalationService(
                drumbeat.jdbi(),
                new Outbox(clock),
                leadership,
                new EscalationService.Rules() {
                    @Override
                    public Function<String, Thresholds> thresholds(Handle handle) {
                        return team -> THRESHOLDS;
                    }

                    @Override
                    public List<Finding> findings(Handle handle, Function<String, Thresholds> thresholds, Instant now) {
                        return List.copyOf(ruled);
                    }
                },
                clock);
    }

    private static long id(String key) {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select id from services where key = :k")
                        .bind("k", key)
                        .mapTo(Long.class)
                        .one());
    }

    private static Finding stale(String detail) {
        return new Finding(TEAM, Finding.Subject.service(id("payments")), Reason.STALE, detail);
    }

    private static Finding ownerless() {
        return new Finding(TEAM, Finding.Subject.service(id("crm")), Reason.OWNERLESS, "no owner");
    }

    private static EscalationService.Applied apply(Finding... findings) {
        return escalations.apply(TEAM, List.of(findings), THRESHOLDS, clock.instant());
    }

    /** Outbox rows as "method channel key", in the order queued. */
    private static List<String> outbox() {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery(
                                "select method || ' ' || channel || ' ' || dedupe_key from slack_outbox order by id")
                        .mapTo(String.class)
                        .list());
    }

    private static String args(String dedupeKey) {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select args::text from slack_outbox where dedupe_key = :k")
                        .bind("k", dedupeKey)
                        .mapTo(String.class)
                        .one());
    }

    private static Map<String, Object> escalation() {
        return drumbeat.jdbi()
                .withHandle(h ->
                        h.createQuery("select * from escalations").mapToMap().one());
    }

    @Test
    void a_new_finding_opens_at_level_one_with_a_dm_to_the_owner() {
        EscalationService.Applied applied = apply(stale("never checked in"));

        Map<String, Object> row = escalation();
        assertThat(applied).isEqualTo(new EscalationService.Applied(1, 0, 0));
        assertThat(row)
                .containsEntry("level", 1)
                .containsEntry("reason", "stale")
                .containsEntry("detail", "never checked in");
        assertThat(outbox()).containsExactly("chat.postMessage " + ALICE + " esc:" + row.get("id") + ":" + ALICE);
        assertThat(args("esc:" + row.get("id") + ":" + ALICE))
                .contains(
                        "Payments API",
                        "never checked in",
                        "Level 1 of 3",
                        "esc-ack:" + row.get("id"),
                        "esc-snooze:" + row.get("id"),
                        "esc-open:" + row.get("id"))
                .doesNotContain("esc-take");
        assertThat(seed.count("escalation_messages where posted_level = 1 and channel = '" + ALICE + "'"))
                .isEqualTo(1);
    }

    @Test
    void an_ownerless_finding_opens_at_level_three_in_the_leadership_channel_with_a_take_ownership_button() {
        apply(ownerless());

        Map<String, Object> row = escalation();
        assertThat(row).containsEntry("level", 3).containsEntry("reason", "ownerless");
        assertThat(outbox()).containsExactly("chat.postMessage C0LEADERS esc:" + row.get("id") + ":C0LEADERS");
        assertThat(args("esc:" + row.get("id") + ":C0LEADERS"))
                .contains("CRM", "Take ownership", "esc-take:" + row.get("id"));
    }

    @Test
    void without_a_leadership_channel_an_ownerless_item_stays_at_level_two() {
        service(Optional.empty()).apply(TEAM, List.of(ownerless()), THRESHOLDS, MONDAY.plus(Duration.ofDays(30)));

        assertThat(escalation()).containsEntry("level", 2);
    }

    @Test
    void applying_the_same_findings_twice_changes_nothing_and_queues_nothing_new() {
        apply(stale("never checked in"), ownerless());
        List<String> first = outbox();
        clock.advance(Duration.ofHours(1));

        EscalationService.Applied again = apply(stale("never checked in"), ownerless());

        assertThat(again.isEmpty()).isTrue();
        assertThat(outbox()).isEqualTo(first);
        assertThat(seed.count("escalations")).isEqualTo(2);
    }

    @Test
    void climbing_to_level_two_updates_the_owner_dm_and_posts_once_to_the_team_channel_and_the_deputy() {
        apply(stale("never checked in"));
        long id = (Long) escalation().get("id");
        clock.advance(THRESHOLDS.toLevel2());

        EscalationService.Applied climbed = apply(stale("never checked in"));
        apply(stale("never checked in"));

        assertThat(climbed).isEqualTo(new EscalationService.Applied(0, 1, 0));
        assertThat(escalation()).containsEntry("level", 2);
        List<String> queued = outbox();
        assertThat(queued).hasSize(4);
        assertThat(queued.get(1)).startsWith("chat.update " + ALICE + " esc-update:" + id + ":" + ALICE + ":");
        assertThat(queued.subList(2, 4))
                .containsExactly(
                        "chat.postMessage C0PAYMENTS esc:" + id + ":C0PAYMENTS",
                        "chat.postMessage " + BOB + " esc:" + id + ":" + BOB);
        assertThat(args(queued.get(1).split(" ")[2]))
                .contains(
                        "Level 2 of 3",
                        "<#C0PAYMENTS>",
                        "<@" + BOB + ">",
                        "\"$ts_of\": \"esc:" + id + ":" + ALICE + "\"");
    }

    @Test
    void a_cleared_finding_closes_the_escalation_and_every_message_says_it_is_resolved_and_why() {
        apply(stale("never checked in"));
        clock.advance(THRESHOLDS.toLevel2());
        apply(stale("never checked in"));
        clock.advance(Duration.ofHours(2));

        EscalationService.Applied cleared = apply();

        assertThat(cleared).isEqualTo(new EscalationService.Applied(0, 0, 1));
        assertThat(escalation())
                .containsEntry("close_reason", "a check-in arrived")
                .containsEntry("level", 2);
        List<String> updates =
                outbox().stream().filter(q -> q.startsWith("chat.update")).toList();
        assertThat(updates).hasSize(4);
        for (String update : updates.subList(1, 4)) {
            assertThat(args(update.split(" ")[2]))
                    .contains("resolved", "a check-in arrived")
                    .doesNotContain("esc-ack");
        }
        assertThat(apply().isEmpty()).isTrue();
    }

    @Test
    void a_fresher_detail_updates_the_message_and_a_state_that_comes_back_is_sent_again() {
        apply(stale("no check-in since the week of 1 Mar"));
        apply(stale("no check-in since the week of 8 Mar"));
        apply(stale("no check-in since the week of 1 Mar"));
        apply(stale("no check-in since the week of 8 Mar"));

        List<String> updates =
                outbox().stream().filter(q -> q.startsWith("chat.update")).toList();
        assertThat(updates).hasSize(3).doesNotHaveDuplicates();
        assertThat(args(updates.get(1).split(" ")[2])).contains("week of 1 Mar");
        assertThat(args(updates.get(2).split(" ")[2])).contains("week of 8 Mar");
    }

    @Test
    void while_the_owner_is_away_the_dm_goes_to_whoever_covers() {
        drumbeat.jdbi()
                .useHandle(h -> h.execute("update people set away_until = date '2027-03-20' where user_id = ?", ALICE));

        apply(stale("never checked in"));

        assertThat(outbox()).singleElement().asString().startsWith("chat.postMessage " + BOB + " ");
    }

    @Test
    void two_applies_in_parallel_on_two_connections_open_one_escalation_and_post_once() throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Finding> findings = List.of(stale("never checked in"), ownerless());
            List<CompletableFuture<EscalationService.Applied>> sweeps = List.of(1, 2).stream()
                    .map(i -> CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    together.await();
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                                return escalations.apply(TEAM, findings, THRESHOLDS, clock.instant());
                            },
                            two))
                    .toList();

            int opened = 0;
            for (CompletableFuture<EscalationService.Applied> sweep : sweeps) {
                opened += sweep.get().opened();
            }

            assertThat(opened).isEqualTo(2);
            assertThat(seed.count("escalations")).isEqualTo(2);
            assertThat(seed.count("escalation_messages")).isEqualTo(2);
            assertThat(outbox()).hasSize(2);
        } finally {
            two.shutdown();
        }
    }

    @Test
    void a_sweep_asks_the_rules_and_applies_their_findings_for_every_workspace() {
        new Seed(drumbeat.jdbi(), "T0OTHER");
        ruled.add(stale("never checked in"));

        EscalationService.Applied swept = escalations.sweep();
        ruled.clear();
        EscalationService.Applied cleared = escalations.sweep(TEAM);

        assertThat(swept.opened()).isEqualTo(1);
        assertThat(cleared.closed()).isEqualTo(1);
    }
}
