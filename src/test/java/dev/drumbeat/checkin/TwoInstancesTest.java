package dev.drumbeat.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.drumbeat.Drumbeat;
import dev.drumbeat.checkin.prompt.PromptJob;
import dev.drumbeat.checkin.prompt.PromptService;
import dev.drumbeat.core.Periods;
import dev.drumbeat.db.Database;
import dev.drumbeat.db.DatabaseUrl;
import dev.drumbeat.sandbox.standin.SlackStandIn;
import dev.drumbeat.sandbox.standin.SlackStandInCall;
import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.support.Await;
import dev.drumbeat.support.MutableClock;
import dev.drumbeat.support.Seed;
import dev.drumbeat.support.TestDatabase;
import dev.drumbeat.support.TestDrumbeat;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two Drumbeat instances on one database, each with its scheduler and outbox sender: every prompt goes out once. */
class TwoInstancesTest {
    static final int OWNERS = 40;
    static MutableClock clock = new MutableClock(Instant.parse("2027-03-15T10:00:00Z"));
    static Database first;
    static Database second;
    static SlackStandIn slack;
    static Drumbeat a;
    static Drumbeat b;

    @BeforeAll
    static void start() {
        first = TestDatabase.fresh();
        second = Database.connect(new DatabaseUrl(
                ((HikariDataSource) first.dataSource()).getJdbcUrl(), Optional.of("postgres"), Optional.empty()));
        Seed seed = new Seed(first.jdbi(), SlackStandIn.TEAM_ID);
        for (int i = 0; i < OWNERS; i++) {
            String owner = String.format("U0OWN%04d", i);
            seed.person(owner, "owner" + i, "member").service("svc-" + i, "Service " + i, "core", owner, "1", "1", "1");
        }
        slack = SlackStandIn.start(TestDrumbeat.BOT_TOKEN, SlackStandIn.manifestScopes());
        a = Drumbeat.start(TestDrumbeat.config(slack.apiUrl()), first, clock, routes -> {}, true);
        b = Drumbeat.start(TestDrumbeat.config(slack.apiUrl()), second, clock, routes -> {}, true);
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
        slack.close();
        second.close();
        first.close();
    }

    @Test
    void both_instances_sweeping_at_once_send_each_owner_one_prompt() throws Exception {
        PromptService viaFirst = new PromptService(
                first.jdbi(), new Outbox(clock), new Periods(DayOfWeek.MONDAY, 9), Duration.ofHours(24), clock);
        PromptService viaSecond = new PromptService(
                second.jdbi(), new Outbox(clock), new Periods(DayOfWeek.MONDAY, 9), Duration.ofHours(24), clock);
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(viaFirst::sendDuePrompts);
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(viaSecond::sendDuePrompts);
        a.runJobNow(PromptJob.NAME);
        b.runJobNow(PromptJob.NAME);
        assertThat(one.get() + two.get()).isLessThanOrEqualTo(OWNERS);
        awaitOutboxDrained();
        // other jobs (escalations) may message the same people; count the weekly prompts only
        Map<String, Long> postsPerChannel = slack.calls("chat.postMessage").stream()
                .filter(SlackStandInCall::ok)
                .filter(c -> String.valueOf(c.args().get("text")).startsWith("Weekly check-in"))
                .collect(Collectors.groupingBy(c -> (String) c.args().get("channel"), Collectors.counting()));
        assertThat(postsPerChannel).hasSize(OWNERS);
        assertThat(postsPerChannel.values()).containsOnly(1L);
    }

    private static void awaitOutboxDrained() {
        Await.until(
                "every prompt made and sent",
                Duration.ofSeconds(30),
                () -> prompts() >= OWNERS && unsent() == 0,
                () -> prompts() + " prompts, " + unsent() + " unsent");
        assertThat(prompts()).isEqualTo(OWNERS);
        assertThat(unsent()).as("messages still unsent").isZero();
    }

    private static int prompts() {
        return first.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from checkin_prompts")
                        .mapTo(Integer.class)
                        .one());
    }

    private static int unsent() {
        return first.jdbi()
                .withHandle(h -> h.createQuery(
                                "select count(*) from slack_outbox where state in ('pending', 'sending') and dedupe_key like 'prompt:%'")
                        .mapTo(Integer.class)
                        .one());
    }
}
