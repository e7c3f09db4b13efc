package dev.drumbeat.ask;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drumbeat.sandbox.standin.SlackStandInCall;
import dev.drumbeat.support.Interactions;
import dev.drumbeat.support.Seed;
import dev.drumbeat.support.SlackReply;
import dev.drumbeat.support.TestDrumbeat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A small portfolio whose best cuts can be worked out by hand. Monthly cost is unit cost × demand:
 * <pre>
 *   payments   core       alice  0.10 × 100,000 = 10,000   value 30,000   KPI uptime on target
 *   crm        secondary  bob    2    ×   5,000 = 10,000   value  2,000
 *   intranet   secondary  alice  1    ×   4,000 =  4,000   value      0
 *   ledger     strategic  alice  50   ×   1,000 = 50,000   value 80,000
 *   reporting  core       bob    3    ×   2,000 =  6,000   value  1,000   protected
 * </pre>
 * To save 12,000 a month: CRM and Intranet (14,000, impact 2,000 + 50 + 40); Payments would cost 31,000 + 2,000.
 * End-to-end test classes extend it for one whole Drumbeat per class, the portfolio fresh before each test.
 */
abstract class AskFixture {
    static final String ALICE = "U0ALICE01";
    static final String BOB = "U0BOB0001";
    static final String LEAD = "U0LEAD001";
    static final String CHANNEL = "C0GENERAL";
    private static final ObjectMapper JSON = new ObjectMapper();

    static TestDrumbeat t;

    @BeforeAll
    static void start() {
        t = TestDrumbeat.start();
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    @BeforeEach
    void seed() {
        seed(t);
    }

    static void seed(TestDrumbeat t) {
        t.jdbi().useHandle(h -> h.execute("truncate asks, decisions, services, initiatives, objectives, slack_outbox, audit_log cascade"));
        t.slack.clear();
        Seed seed = new Seed(t.jdbi(), TestDrumbeat.TEAM);
        t.jdbi().useHandle(h -> h.execute("delete from people"));
        seed.person(ALICE, "alice", "member").person(BOB, "bob", "member").person(LEAD, "lena", "leadership")
                .service("payments", "Payments API", "core", ALICE, "0.10", "100000", "30000")
                .service("crm", "CRM", "secondary", BOB, "2", "5000", "2000")
                .service("intranet", "Intranet", "secondary", ALICE, "1", "4000", "0")
                .service("ledger", "Core Ledger", "strategic", ALICE, "50", "1000", "80000")
                .service("reporting", "Reporting", "core", BOB, "3", "2000", "1000")
                .kpi("payments", "uptime", "Uptime", "%", "99.9", "up", "99.95")
                .deputy("payments", BOB);
        t.jdbi().useHandle(h -> h.execute("update services set is_protected = true where key = 'reporting'"));
    }

    static SlackReply ask(TestDrumbeat t, String userId, String question) {
        return SlackReply.of(t.driver.command(t.user(userId, userId.toLowerCase()), CHANNEL, "ask " + question));
    }

    static SlackReply command(TestDrumbeat t, String userId, String text) {
        return SlackReply.of(t.driver.command(t.user(userId, userId.toLowerCase()), CHANNEL, text));
    }

    /** The value of the button with {@code actionId} in a reply, such as the answer id behind Record decision. */
    static String buttonValue(SlackReply reply, String actionId) {
        for (var block : reply.blocks()) {
            for (var element : block.path("elements")) {
                if (element.path("action_id").asText().equals(actionId)) {
                    return element.path("value").asText();
                }
            }
            if (block.path("accessory").path("action_id").asText().equals(actionId)) {
                return block.path("accessory").path("value").asText();
            }
        }
        throw new AssertionError("no button " + actionId + " in " + reply.json());
    }

    /** Clicks a button on an answer the asker alone sees, in {@link #CHANNEL}. */
    static int clickPrivate(TestDrumbeat t, String userId, String actionId, String value) {
        return click(t, userId, actionId, value, "1700000000.000100", true);
    }

    /** Clicks a button on a message everyone in {@link #CHANNEL} sees. */
    static int click(TestDrumbeat t, String userId, String actionId, String value, String messageTs, boolean ephemeral) {
        Map<String, Object> payload = new HashMap<>(Interactions.blockAction(TestDrumbeat.TEAM, userId,
                t.slack.registerTrigger(userId), actionId, value));
        payload.put("container", Map.of("type", "message", "message_ts", messageTs, "channel_id", CHANNEL,
                "is_ephemeral", ephemeral));
        payload.put("channel", Map.of("id", CHANNEL, "name", "general"));
        payload.put("response_url", t.slack.responseUrl(CHANNEL, userId, messageTs));
        return t.driver.interaction(payload).statusCode();
    }

    /** Every text in the last modal opened for the user, such as the notice a button answered with. */
    static String lastNotice(TestDrumbeat t, String userId) {
        try {
            return new SlackReply(200, JSON.readTree(t.slack.lastOpenedView(userId).orElseThrow())).text();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int count(TestDrumbeat t, String sql) {
        return t.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    static List<SlackStandInCall> postsTo(TestDrumbeat t, String channel) {
        return t.slack.calls("chat.postMessage").stream().filter(c -> channel.equals(c.args().get("channel"))).toList();
    }
}
