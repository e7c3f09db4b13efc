package dev.drumbeat.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.drumbeat.core.Periods;
import dev.drumbeat.db.Database;
import dev.drumbeat.db.DatabaseUrl;
import dev.drumbeat.escalation.rules.Finding;
import dev.drumbeat.escalation.rules.Reason;
import dev.drumbeat.escalation.settings.Thresholds;
import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.MutableClock;
import dev.drumbeat.support.Seed;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sweep's promises under trouble, with the production rules on a real database: two instances sweeping at once
 * open one escalation per item and reason and post once to each place; a workspace whose sweep fails keeps nothing
 * half-done and holds back no other, and the next sweep finishes it; a sweep with nothing changed queues nothing.
 */
class EscalationSweepReliabilityTest {
    static final String ALPHA = "T0ALPHA01";
    static final String BRAVO = "T0BRAVO01";
    static final String LEADERS = "C0LEADERS";
    /** Wednesday noon UTC: the check-in for the week of Monday 23 Nov is past its 48-hour grace. */
    static final Instant WEDNESDAY = Instant.parse("2026-11-25T12:00:00Z");

    static final Periods PERIODS = new Periods(DayOfWeek.MONDAY, 9);
    static final MutableClock clock = new MutableClock(WEDNESDAY);

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withoutApp();

    static Database first;
    static Database second;
    static Seed seed;

    /** The database as a second instance would reach it, on a connection pool of its own. */
    @BeforeAll
    static void start() {
        first = drumbeat.database();
        second = Database.connect(new DatabaseUrl(
                ((HikariDataSource) first.dataSource()).getJdbcUrl(), Optional.of("postgres"), Optional.empty()));
    }

    @AfterAll
    static void stop() {
        second.close();
    }

    /**
     * Each workspace: two stale services of one owner (so their DMs are gathered under one parent), a stale one of
     * another owner with a deputy and a team channel, one checked in this week, and one with no owner.
     */
    @BeforeEach
    void reset() {
        clock.set(WEDNESDAY);
        seed = new Seed(first.jdbi(), ALPHA);
        for (String team : List.of(ALPHA, BRAVO)) {
            new Seed(first.jdbi(), team)
                    .person(owner1(team), "owner1", "member")
                    .person(owner2(team), "owner2", "member")
                    .person(deputy(team), "deputy", "member")
                    .service("ledger", "Ledger", "core", owner1(team), "1", "1", "1")
                    .service("billing", "Billing", "core", owner1(team), "1", "1", "1")
                    .service("search", "Search", "core", owner2(team), "1", "1", "1")
                    .deputy("search", deputy(team))
                    .service("mail", "Mail", "core", owner2(team), "1", "1", "1")
                    .service("orphan", "Orphan", "core", null, "1", "1", "1")
                    .checkIn("ledger", "green", "", owner1(team));
            first.jdbi().useHandle(h -> {
                h.execute(
                        "update services set team_channel = ? where team_id = ? and key = 'search'",
                        searchChannel(team),
                        team);
                h.execute("""
                        insert into checkins (team_id, service_id, period_start, status, submitted_by, submitted_at)
                        select team_id, id, date '2026-11-23', 'green', owner_id, timestamptz '2026-11-23 10:00:00+00'
                          from services where team_id = ? and key = 'mail'""", team);
            });
        }
        first.jdbi()
                .useHandle(
                        h -> h.execute(
                                "update services set created_at = timestamptz '2026-01-05 00:00:00+00', owner_since = timestamptz '2026-01-05 00:00:00+00'"));
    }

    static String owner1(String team) {
        return "U0" + team.charAt(2) + "OWNER1";
    }

    static String owner2(String team) {
        return "U0" + team.charAt(2) + "OWNER2";
    }

    static String deputy(String team) {
        return "U0" + team.charAt(2) + "DEPUTY";
    }

    static String searchChannel(String team) {
        return "C0" + team.charAt(2) + "SEARCH";
    }

    /** The sweep as one instance runs it, on its own connection pool, with the production rules. */
    static EscalationService sweeper(Database database, EscalationService.Rules rules) {
        return new EscalationService(database.jdbi(), new Outbox(clock), Optional.of(LEADERS), rules, clock);
    }

    static EscalationService sweeper(Database database) {
        return sweeper(database, new EscalationServiceRules(PERIODS));
    }

    @RepeatedTest(5)
    void two_instances_sweeping_at_once_open_one_escalation_per_item_and_reason_and_post_once_to_each_place()
            throws Exception {
        List<EscalationService.Applied> applied = sweepTogether();

        assertThat(applied.get(0).opened() + applied.get(1).opened()).isEqualTo(8);
        assertThat(openEscalations())
                .containsExactlyInAnyOrderElementsOf(opened(ALPHA, 1, 3).plus(opened(BRAVO, 1, 3)).lines);
        assertThat(messages()).containsExactlyInAnyOrderElementsOf(posted(ALPHA).plus(posted(BRAVO)).lines);
        assertThat(parents()).containsExactlyInAnyOrder(owner1(ALPHA), owner1(BRAVO));
        assertThat(seed.count("slack_outbox")).isEqualTo(10);
        assertThat(seed.count("escalation_messages")).isEqualTo(8);
    }

    @RepeatedTest(3)
    void two_instances_climbing_at_once_update_each_message_once_and_post_once_to_each_new_place() throws Exception {
        sweeper(first).sweep();
        clock.advance(Thresholds.defaults().toLevel2());

        List<EscalationService.Applied> applied = sweepTogether();

        assertThat(applied.get(0).changed() + applied.get(1).changed()).isEqualTo(6);
        assertThat(applied.get(0).opened() + applied.get(1).opened()).isZero();
        assertThat(openEscalations())
                .containsExactlyInAnyOrderElementsOf(opened(ALPHA, 2, 3).plus(opened(BRAVO, 2, 3)).lines);
        assertThat(messages())
                .containsExactlyInAnyOrderElementsOf(
                        posted(ALPHA).plus(climbed(ALPHA)).plus(posted(BRAVO)).plus(climbed(BRAVO)).lines);
        assertThat(parents()).containsExactlyInAnyOrder(owner1(ALPHA), owner1(BRAVO));
        assertThat(seed.count("escalation_messages")).isEqualTo(12);
    }

    @ParameterizedTest
    @ValueSource(strings = {ALPHA, BRAVO})
    void a_workspace_whose_sweep_fails_holds_back_no_other_and_the_next_sweep_finishes_it(String failing) {
        String other = failing.equals(ALPHA) ? BRAVO : ALPHA;
        UnstorableFinding rules = new UnstorableFinding(failing);

        EscalationService.Applied failed = sweeper(first, rules).sweep();
        List<String> queuedForOther = outbox();
        rules.recover();
        EscalationService.Applied finished = sweeper(first, rules).sweep();

        assertThat(failed).isEqualTo(new EscalationService.Applied(4, 0, 0));
        assertThat(queuedForOther)
                .hasSize(5)
                .allSatisfy(row -> assertThat(row).contains(other).doesNotContain(failing));
        assertThat(finished).isEqualTo(new EscalationService.Applied(4, 0, 0));
        assertThat(outbox()).hasSize(10).containsAll(queuedForOther);
        assertThat(openEscalations())
                .containsExactlyInAnyOrderElementsOf(opened(ALPHA, 1, 3).plus(opened(BRAVO, 1, 3)).lines);
        assertThat(messages()).containsExactlyInAnyOrderElementsOf(posted(ALPHA).plus(posted(BRAVO)).lines);
    }

    /**
     * The second workspace's ladder climbs (its levels are written) and then its messages cannot be queued: the whole
     * workspace rolls back, so no escalation sits at a level its messages do not show, and the next sweep does it once.
     */
    @Test
    void a_workspace_that_fails_half_way_through_a_climb_keeps_nothing_and_the_next_sweep_climbs_it_once() {
        EscalationService sweeps = sweeper(first);
        sweeps.sweep();
        clock.advance(Thresholds.defaults().toLevel2());

        EscalationService.Applied failed;
        refuseOutbox(BRAVO, true);
        try {
            failed = sweeps.sweep();
        } finally {
            refuseOutbox(BRAVO, false);
        }
        List<String> afterFailure = outbox();
        List<String> bravoAfterFailure =
                openEscalations().stream().filter(e -> e.startsWith(BRAVO)).toList();
        EscalationService.Applied finished = sweeps.sweep();

        assertThat(failed).isEqualTo(new EscalationService.Applied(0, 3, 0));
        assertThat(bravoAfterFailure).containsExactlyInAnyOrderElementsOf(opened(BRAVO, 1, 3).lines);
        assertThat(afterFailure.stream().filter(row -> row.contains(BRAVO)))
                .as("only the first sweep's messages")
                .hasSize(5);
        assertThat(finished).isEqualTo(new EscalationService.Applied(0, 3, 0));
        assertThat(outbox()).containsAll(afterFailure);
        assertThat(openEscalations())
                .containsExactlyInAnyOrderElementsOf(opened(ALPHA, 2, 3).plus(opened(BRAVO, 2, 3)).lines);
        assertThat(messages())
                .containsExactlyInAnyOrderElementsOf(
                        posted(ALPHA).plus(climbed(ALPHA)).plus(posted(BRAVO)).plus(climbed(BRAVO)).lines);
    }

    @Test
    void sweeping_again_with_nothing_changed_changes_nothing_and_queues_nothing() {
        EscalationService sweeps = sweeper(first);
        sweeps.sweep();
        List<String> opened = outbox();
        List<String> stored = storedEscalations();

        EscalationService.Applied again = sweeps.sweep();
        clock.advance(Duration.ofMinutes(15));
        EscalationService.Applied aQuarterLater = sweeps.sweep();

        assertThat(again.isEmpty()).isTrue();
        assertThat(aQuarterLater.isEmpty()).isTrue();
        assertThat(outbox()).isEqualTo(opened);
        assertThat(storedEscalations()).isEqualTo(stored);
    }

    @Test
    void sweeping_again_after_a_climb_with_nothing_changed_queues_nothing() {
        EscalationService sweeps = sweeper(first);
        sweeps.sweep();
        clock.advance(Thresholds.defaults().toLevel2());
        sweeps.sweep();
        List<String> climbed = outbox();
        List<String> stored = storedEscalations();

        EscalationService.Applied again = sweeps.sweep();

        assertThat(again.isEmpty()).isTrue();
        assertThat(outbox()).isEqualTo(climbed);
        assertThat(storedEscalations()).isEqualTo(stored);
    }

    /** Two instances, one on each connection pool, sweep at once; each finishes reading before either applies. */
    private static List<EscalationService.Applied> sweepTogether() throws Exception {
        CyclicBarrier bothHaveRead = new CyclicBarrier(2);
        ExecutorService twoThreads = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<EscalationService.Applied>> sweeps = new ArrayList<>();
            for (Database database : List.of(first, second)) {
                EscalationService instance = sweeper(database, new ReadTogether(bothHaveRead));
                sweeps.add(CompletableFuture.supplyAsync(instance::sweep, twoThreads));
            }
            List<EscalationService.Applied> applied = new ArrayList<>();
            for (CompletableFuture<EscalationService.Applied> sweep : sweeps) {
                applied.add(sweep.get(30, TimeUnit.SECONDS));
            }
            return applied;
        } finally {
            twoThreads.shutdown();
        }
    }

    /** Every open escalation as "team service reason level". */
    private static List<String> openEscalations() {
        return first.jdbi()
                .withHandle(h -> h.createQuery("""
                select e.team_id || ' ' || s.key || ' ' || e.reason || ' ' || e.level
                  from escalations e join services s on s.id = e.subject_id
                 where e.closed_at is null""").mapTo(String.class).list());
    }

    /** Every escalation post and update queued, as "post|update team service reason channel"; batch parents left out. */
    private static List<String> messages() {
        return first.jdbi()
                .withHandle(h -> h.createQuery("""
                select case when o.method = 'chat.postMessage' then 'post' else 'update' end || ' ' || e.team_id || ' '
                       || s.key || ' ' || e.reason || ' ' || o.channel
                  from slack_outbox o
                  join escalations e on e.id::text = split_part(o.dedupe_key, ':', 2)
                  join services s on s.id = e.subject_id
                 where o.dedupe_key like 'esc:%' or o.dedupe_key like 'esc-update:%'""").mapTo(String.class).list());
    }

    /** The channels of the parent messages that gather several escalations for one place. */
    private static List<String> parents() {
        return first.jdbi()
                .withHandle(h -> h.createQuery("select channel from slack_outbox where dedupe_key like 'esc-batch:%'")
                        .mapTo(String.class)
                        .list());
    }

    /** The whole outbox, as "method team key", in the order queued. */
    private static List<String> outbox() {
        return first.jdbi()
                .withHandle(h -> h.createQuery(
                                "select method || ' ' || team_id || ' ' || dedupe_key from slack_outbox order by id")
                        .mapTo(String.class)
                        .list());
    }

    private static List<String> storedEscalations() {
        return first.jdbi()
                .withHandle(h -> h.createQuery("select row_to_json(e)::text from escalations e order by id")
                        .mapTo(String.class)
                        .list());
    }

    /** While on, the database refuses every outbox row of the workspace, as a failure half-way through its ladder. */
    private static void refuseOutbox(String team, boolean on) {
        first.jdbi().useHandle(h -> {
            if (on) {
                h.execute("create function refuse_outbox() returns trigger language plpgsql as $$"
                        + " begin raise exception 'the outbox refuses this workspace'; end $$");
                h.execute(
                        "create trigger refuse_outbox before insert on slack_outbox for each row when (new.team_id = '"
                                + team + "') execute function refuse_outbox()");
            } else {
                h.execute("drop trigger refuse_outbox on slack_outbox");
                h.execute("drop function refuse_outbox()");
            }
        });
    }

    /** Lines expected in one of the listings above. */
    private record Expected(List<String> lines) {
        Expected plus(Expected more) {
            List<String> all = new ArrayList<>(lines);
            all.addAll(more.lines);
            return new Expected(all);
        }
    }

    /** The workspace's open escalations: three stale at {@code staleLevel}, the ownerless one at {@code ownerlessLevel}. */
    private static Expected opened(String team, int staleLevel, int ownerlessLevel) {
        return new Expected(List.of(
                team + " ledger stale " + staleLevel,
                team + " billing stale " + staleLevel,
                team + " search stale " + staleLevel,
                team + " orphan ownerless " + ownerlessLevel));
    }

    /** The first posts: each stale service to its owner, the ownerless one to leadership. */
    private static Expected posted(String team) {
        return new Expected(List.of(
                "post " + team + " ledger stale " + owner1(team),
                "post " + team + " billing stale " + owner1(team),
                "post " + team + " search stale " + owner2(team),
                "post " + team + " orphan ownerless " + LEADERS));
    }

    /** Climbing to level 2: each owner's DM updated in place, Search posted to its team channel and its deputy. */
    private static Expected climbed(String team) {
        return new Expected(List.of(
                "update " + team + " ledger stale " + owner1(team),
                "update " + team + " billing stale " + owner1(team),
                "update " + team + " search stale " + owner2(team),
                "post " + team + " search stale " + searchChannel(team),
                "post " + team + " search stale " + deputy(team)));
    }

    /** The production rules, holding each sweep after its read until the other sweep has read too. */
    private record ReadTogether(CyclicBarrier bothHaveRead) implements EscalationService.Rules {
        private static final EscalationService.Rules RULES = new EscalationServiceRules(PERIODS);

        @Override
        public Function<String, Thresholds> thresholds(Handle handle) {
            return RULES.thresholds(handle);
        }

        @Override
        public List<Finding> findings(Handle handle, Function<String, Thresholds> thresholds, Instant now) {
            List<Finding> findings = RULES.findings(handle, thresholds, now);
            try {
                bothHaveRead.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the other sweep never read", e);
            }
            return findings;
        }
    }

    /** The production rules, plus, until {@link #recover()}, a finding for one workspace that the database refuses to store. */
    private static final class UnstorableFinding implements EscalationService.Rules {
        private final EscalationService.Rules rules = new EscalationServiceRules(PERIODS);
        private final String failing;
        private volatile boolean failed = true;

        UnstorableFinding(String failing) {
            this.failing = failing;
        }

        void recover() {
            failed = false;
        }

        @Override
        public Function<String, Thresholds> thresholds(Handle handle) {
            return rules.thresholds(handle);
        }

        @Override
        public List<Finding> findings(Handle handle, Function<String, Thresholds> thresholds, Instant now) {
            List<Finding> findings = new ArrayList<>(rules.findings(handle, thresholds, now));
            if (failed) {
                findings.add(new Finding(
                        failing, new Finding.Subject("workspace", 1), Reason.STALE, "no such kind of item"));
            }
            return findings;
        }
    }
}
