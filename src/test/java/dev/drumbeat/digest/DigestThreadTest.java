package dev.drumbeat.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drumbeat.Drumbeat;
import dev.drumbeat.core.Money;
import dev.drumbeat.core.Periods;
import dev.drumbeat.sandbox.standin.SlackStandInCall;
import dev.drumbeat.sandbox.standin.SlackStandInMessage;
import dev.drumbeat.slack.SlackBlocks;
import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.support.Await;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.TestDrumbeat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The digest as Drumbeat runs it: its job registered with the scheduler, and a big portfolio's digest delivered
 * through the real outbox sender to the Slack stand-in, which checks Block Kit's limits.
 */
class DigestThreadTest {
    static final int RED = 300;
    static final String HEADLINE = "digest:" + TestDrumbeat.TEAM + "|2026-11-16";
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withoutApp();

    @Test
    void three_hundred_red_services_go_out_as_a_short_headline_and_replies_each_within_slacks_limits() {
        drumbeat.clock().set(Instant.parse("2026-11-20T16:05:00Z"));
        redPortfolio();
        DigestService digests = new DigestService(
                drumbeat.jdbi(),
                new Outbox(drumbeat.clock()),
                new Periods(DayOfWeek.MONDAY, 9),
                Optional.of("C0LEADERS"),
                new Money(Currency.getInstance("USD")),
                drumbeat.clock());

        assertThat(digests.sendDueDigests()).isEqualTo(1);

        List<JsonNode> queued = queued();
        assertThat(queued.size()).as("headline and replies").isGreaterThan(1 + RED / 50);
        for (JsonNode args : queued) {
            assertThat(args.path("blocks").size()).isBetween(1, SlackBlocks.MAX_MESSAGE_BLOCKS);
            args.path("blocks")
                    .findValues("text")
                    .forEach(text -> assertThat((text.isTextual() ? text : text.path("text"))
                                    .asText()
                                    .length())
                            .isLessThanOrEqualTo(SlackBlocks.MAX_TEXT));
        }
        assertThat(queued.get(0).path("blocks").size())
                .as("the headline stays short")
                .isLessThanOrEqualTo(6);
        String thread = String.join(
                "\n", queued.stream().skip(1).map(JsonNode::toString).toList());
        for (int i = 0; i < RED; i++) {
            assertThat(thread).as("nothing dropped").contains(String.format("`red-%03d`", i));
        }
        assertThat(thread).contains("…continued in the next reply.", "(1 of 8)", "(8 of 8)");

        drumbeat.drainOutbox();
        assertThat(drumbeat.count("slack_outbox where state = 'sent'")).isEqualTo(queued.size());
        List<SlackStandInCall> posts = drumbeat.calls("chat.postMessage");
        assertThat(posts).hasSize(queued.size()).allMatch(SlackStandInCall::ok);
        List<SlackStandInMessage> messages = drumbeat.messages("C0LEADERS");
        String headlineTs = messages.get(0).ts();
        assertThat(messages.get(0).threadTs()).isNull();
        assertThat(messages.subList(1, messages.size()))
                .extracting(SlackStandInMessage::threadTs)
                .containsOnly(headlineTs);
    }

    /** Drumbeat started as in production, with its scheduler, on this class's database and stand-in. */
    @Test
    void drumbeat_schedules_the_digest_job_and_running_it_queues_the_digest() {
        drumbeat.clock().set(Instant.parse("2026-11-20T16:05:00Z"));
        try (Drumbeat app = Drumbeat.start(
                TestDrumbeat.config(drumbeat.slack().apiUrl()),
                drumbeat.database(),
                drumbeat.clock(),
                routes -> {},
                true)) {
            drumbeat.seed()
                    .person("U0OWNER01", "owner", "member")
                    .service("payments", "Payments API", "core", "U0OWNER01", "1", "10", "100");
            app.runJobNow(DigestJob.NAME);
            Await.until("the digest job's run", () -> drumbeat.count("digests") == 1);
            assertThat(drumbeat.count("slack_outbox where dedupe_key = '" + HEADLINE + "'"))
                    .isEqualTo(1);
        }
    }

    /** 300 services, each checked in red this week with a long hurdle, owned by one person. */
    private static void redPortfolio() {
        drumbeat.seed().person("U0OWNER01", "owner", "member");
        drumbeat.jdbi().useHandle(h -> {
            h.execute("""
                    insert into services (team_id, key, name, tier, owner_id, unit_cost, monthly_demand, monthly_value, created_at)
                    select ?, 'red-' || lpad(n::text, 3, '0'), 'Red service number ' || n || ' with a fairly long name',
                           (array['strategic', 'core', 'secondary'])[n % 3 + 1], 'U0OWNER01', 1.25, 1000 + n, 2000,
                           timestamptz '2025-01-01 00:00:00+00'
                      from generate_series(0, ?) n""", TestDrumbeat.TEAM, RED - 1);
            h.execute("""
                    insert into checkins (team_id, service_id, period_start, status, hurdle, submitted_by, submitted_at)
                    select team_id, id, date '2026-11-16', 'red', repeat('Waiting on the vendor & <legal> review. ', 20),
                           'U0OWNER01', timestamptz '2026-11-16 12:00:00+00'
                      from services""");
        });
    }

    private static List<JsonNode> queued() {
        List<String> args = drumbeat.jdbi()
                .withHandle(
                        h -> h.createQuery("select args::text from slack_outbox where dedupe_key like :key order by id")
                                .bind("key", HEADLINE + "%")
                                .mapTo(String.class)
                                .list());
        List<JsonNode> parsed = new ArrayList<>();
        try {
            for (String json : args) {
                parsed.add(JSON.readTree(json));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parsed;
    }
}
