package dev.drumbeat;

import static dev.drumbeat.support.SlackPayloads.option;
import static dev.drumbeat.support.SlackPayloads.text;
import static dev.drumbeat.support.SlackPayloads.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.checkin.prompt.PromptService;
import dev.drumbeat.core.Money;
import dev.drumbeat.digest.DigestService;
import dev.drumbeat.escalation.EscalationService;
import dev.drumbeat.okr.OkrDigestSection;
import dev.drumbeat.okr.OkrReview;
import dev.drumbeat.okr.OkrRollover;
import dev.drumbeat.okr.OkrRules;
import dev.drumbeat.okr.OkrService;
import dev.drumbeat.sandbox.standin.SlackStandIn;
import dev.drumbeat.sandbox.standin.SlackStandInCall;
import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.support.Await;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.SlackPayloads;
import dev.drumbeat.support.SlackReply;
import dev.drumbeat.support.Sweeps;
import dev.drumbeat.support.TestDrumbeat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What people type reaches Slack as text, never as Slack's markup. A workspace whose service, unit, KPI, initiative,
 * objective, key result, person, hurdle, note and snooze reason are all named like {@code <!channel> …
 * <https://evil.example|…>} is driven through every message Drumbeat sends (check-in prompts, the check-in modal,
 * escalations and their buttons and modals, the digest, answers, OKRs, the Home tab, replies and notices), and every
 * mrkdwn text of every Web API call, slash-command answer and interaction answer is read: the only live
 * {@code <…>} left in them are the mentions and dates Drumbeat makes itself, and those stay live.
 */
class UserTextInSlackTest {
    static final String OWNER = "U0OWNER01";
    static final String DEPUTY = "U0DEPUTY1";
    static final String GONE = "U0GONE001";
    static final String LEAD = "U0LEAD001";
    static final String TEAM_CHANNEL = "C0TEAM001";
    static final String LEADERSHIP = "C0LEADERS";
    static final String GENERAL = DrumbeatExtension.CHANNEL;
    static final String PUBLIC_URL = "https://drumbeat.example.com/";

    static final String SERVICE = "<!channel> Pwn <https://evil.example|Verify here>";
    static final String LEDGER = "<!here> Ledger <@UEVIL0001> & co";
    static final String UNIT_NAME = "<!subteam^SEVIL0001> call";
    static final String KPI = "<!channel> KPI <https://evil.example|uptime>";
    static final String KPI_UNIT = "<@UEVIL0001>";
    static final String HURDLE = "<!here> blocked by <@UEVIL0001>, see <https://evil.example|the ticket>";
    static final String NOTE = "<!everyone> ask <#CEVIL0001> & <@UEVIL0001|the boss>";
    static final String INITIATIVE = "<!channel> Init <https://evil.example|go>";
    static final String OBJECTIVE = "<!channel> Objective <https://evil.example|z>";
    static final String KEY_RESULT = "<!here> KR <@UEVIL0001>";
    static final String PERSON = "<!channel> Gone";
    static final String SNOOZE = "<!channel> later <https://evil.example|why>";
    static final String DESCRIPTION = "<!everyone> read <https://evil.example|this>";
    /** Typed where a name belongs, naming nothing, so answers quote it back. */
    static final String NOWHERE = "<!channel> nothing <https://evil.example|here>";

    /** The people and channels Drumbeat may mention: everyone in the workspace, and its channels. */
    static final Set<String> PEOPLE = Set.of(OWNER, DEPUTY, GONE, LEAD, TestDrumbeat.ADMIN, SlackStandIn.BOT_USER_ID);

    static final Set<String> CHANNELS = Set.of(TEAM_CHANNEL, LEADERSHIP, GENERAL);
    static final Pattern TOKEN = Pattern.compile("<([^<>]*)>");
    static final Pattern DATE = Pattern.compile("!date\\^\\d+\\^[^|]*\\|[^|]*");

    static final ObjectMapper JSON = new ObjectMapper();
    /** Monday 23 November 2026, 09:00 UTC: the owners' check-ins are due. */
    static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");
    /** Wednesday of that week, past the 48-hour grace. */
    static final Instant WEDNESDAY = Instant.parse("2026-11-25T12:00:00Z");
    /** Friday of that week, after the digest's 16:00. */
    static final Instant FRIDAY = Instant.parse("2026-11-27T16:05:00Z");

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp(c -> c.withPublicUrl(PUBLIC_URL));

    /** Every answer Drumbeat gave to a slash command or an interaction in this test. */
    final List<JsonNode> answers = new ArrayList<>();

    @BeforeEach
    void seed() {
        drumbeat.clock().set(MONDAY);
        drumbeat.command(drumbeat.admin(), "whoami");
        drumbeat.seed()
                .person(OWNER, "olive", "member")
                .person(DEPUTY, "dan", "member")
                .person(GONE, "gone", "member")
                .person(LEAD, "lena", "leadership")
                .deactivated(GONE)
                .service("pwn", SERVICE, "core", GONE, "2", "1000", "500")
                .deputy("pwn", DEPUTY)
                .service("ledger", LEDGER, "secondary", OWNER, "3", "2000", "1000")
                .kpi("ledger", "uptime", KPI, KPI_UNIT, "99.9", "up", "90")
                .checkIn("ledger", "red", HURDLE, OWNER)
                .initiative("init", INITIATIVE, OWNER, "10000", "2000", "2026-11-01", "active", "ledger");
        drumbeat.execute("update people set name = ?, real_name = ? where user_id = ?", PERSON, PERSON, GONE);
        drumbeat.execute(
                "update services set unit_name = ?, description = ?, team_channel = ?, created_at = timestamptz"
                        + " '2026-01-05 00:00:00+00', owner_since = timestamptz '2026-01-05 00:00:00+00'",
                UNIT_NAME,
                DESCRIPTION,
                TEAM_CHANNEL);
        drumbeat.execute("update checkins set note = ?", NOTE);
        drumbeat.execute("""
                insert into kpi_readings (team_id, kpi_id, period_start, value)
                select team_id, id, d, 91 from kpis, (values (date '2026-11-02'), (date '2026-11-09')) as p(d)""");
        drumbeat.execute("""
                insert into objectives (id, team_id, quarter, title, owner_id, created_at)
                values (7, ?, '2026-Q4', ?, ?, timestamptz '2026-10-01 09:00:00+00')""", TestDrumbeat.TEAM, OBJECTIVE, OWNER);
        drumbeat.execute("""
                insert into key_results (team_id, objective_id, title, kind, kpi_id, baseline, target, owner_id, created_at)
                select team_id, 7, ?, 'measured', id, 80, 99.9, ?, timestamptz '2026-10-01 09:00:00+00' from kpis""", KEY_RESULT, OWNER);
    }

    @Test
    void check_ins_show_names_hurdles_and_notes_as_text() {
        prompts().sendDuePrompts();
        settle();
        long prompt = drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select id from checkin_prompts where user_id = :u")
                        .bind("u", OWNER)
                        .mapTo(Long.class)
                        .one());

        answer(drumbeat.click(OWNER, "checkin-open:ledger", "ledger|2026-11-23|" + prompt));
        answer(checkIn("ledger|2026-11-23|" + prompt));
        answer(drumbeat.command(OWNER, "checkin"));
        answer(drumbeat.command(OWNER, "checkin ledger"));
        answer(drumbeat.command(OWNER, "kpi ledger uptime 92"));
        answer(drumbeat.command(OWNER, "kpi ledger uptime 93"));
        answer(drumbeat.command(OWNER, "kpi ledger nothing 92"));
        answer(drumbeat.command(OWNER, "kpi pwn uptime 92"));
        openHome(OWNER);
        openHome(LEAD);

        assertThat(drumbeat.posts(OWNER)).as("the prompt DM").isNotEmpty();
        assertThat(texts()).anyMatch(t -> t.contains("&lt;!here&gt; Ledger &lt;@UEVIL0001&gt; &amp; co"));
        assertOnlyDrumbeatMarkup();
        assertDrumbeatsMentionsAreLive();
    }

    @Test
    void escalations_and_the_digest_show_names_as_text_and_owners_as_live_mentions() {
        drumbeat.clock().set(WEDNESDAY);
        EscalationService escalations = escalations();
        escalations.sweep();
        settle();
        long ownerless = escalationId("ownerless");
        long offTarget = escalationId("kpi_off_target");

        answer(drumbeat.click(OWNER, "esc-ack:" + offTarget, Long.toString(offTarget)));
        answer(drumbeat.click(OWNER, "esc-snooze:" + offTarget, Long.toString(offTarget)));
        answer(drumbeat.submit(OWNER, "esc-snooze-form", Long.toString(offTarget), Map.of("reason", text(SNOOZE))));
        answer(drumbeat.click(LEAD, "esc-open:" + ownerless, Long.toString(ownerless)));
        answer(drumbeat.click(LEAD, "esc-assign:" + ownerless, Long.toString(ownerless)));
        answer(drumbeat.click(DEPUTY, "esc-assign:" + ownerless, Long.toString(ownerless)));
        answer(drumbeat.command(LEAD, "escalations"));
        answer(drumbeat.command(LEAD, "stale"));
        answer(drumbeat.command(LEAD, "status pwn"));
        openHome(LEAD);
        answer(checkIn("ledger|2026-11-23|"));
        drumbeat.clock().set(FRIDAY);
        digests().sendDueDigests();
        settle();
        answer(drumbeat.click(LEAD, "esc-take:" + ownerless, Long.toString(ownerless)));
        answer(drumbeat.click(DEPUTY, "esc-ack:" + offTarget, Long.toString(offTarget)));
        answer(drumbeat.click(OWNER, "esc-take:" + ownerless, Long.toString(ownerless)));
        answer(drumbeat.submit(LEAD, "esc-assign-form", Long.toString(offTarget), Map.of("owner", user(DEPUTY))));
        escalations.sweep();
        settle();

        assertOnlyDrumbeatMarkup();
        assertDrumbeatsMentionsAreLive();
        String leadership = texts(drumbeat.posts(LEADERSHIP));
        assertThat(leadership)
                .as("the escalation post in the leadership channel")
                .contains("*&lt;!channel&gt; Pwn &lt;https://evil.example|Verify here&gt;*");
        assertThat(texts(drumbeat.calls("chat.update")))
                .as("its Resolved update")
                .contains("Resolved — &lt;!channel&gt; Pwn", "<@" + LEAD + "> took ownership");
        String staleAndOwnerless = texts(drumbeat.posts(LEADERSHIP).stream()
                .filter(post -> String.valueOf(post.args().get("text")).contains("stale and ownerless"))
                .toList());
        assertThat(staleAndOwnerless)
                .as("the digest's reply names the owner who left with a live mention")
                .contains("owner <@" + GONE + "> is no longer active in Slack")
                .doesNotContain("&lt;@" + GONE);
    }

    @Test
    void catalog_commands_and_forms_show_names_as_text() {
        answer(drumbeat.command(OWNER, "services"));
        answer(drumbeat.command(OWNER, "services " + SERVICE));
        answer(drumbeat.command(OWNER, "status ledger"));
        answer(drumbeat.command(OWNER, "status " + LEDGER));
        answer(drumbeat.command(OWNER, "status pwn"));
        answer(drumbeat.command(OWNER, "status " + NOWHERE));
        answer(drumbeat.command(DEPUTY, "service edit ledger"));
        answer(drumbeat.command(DEPUTY, "initiative edit init"));
        answer(drumbeat.command(DEPUTY, "initiative edit " + NOWHERE));
        answer(drumbeat.command(OWNER, "away until " + NOWHERE));
        answer(drumbeat.command(OWNER, "away until 2026-12-01 @" + NOWHERE));
        answer(drumbeat.command(drumbeat.admin(), "token revoke " + NOWHERE));
        answer(drumbeat.command(drumbeat.admin(), "owner pwn <@" + OWNER + "|olive>"));
        answer(drumbeat.command(OWNER, "owner ledger <@" + OWNER + "|olive>"));
        answer(drumbeat.command(OWNER, "owner ledger @" + PERSON));
        answer(drumbeat.command(drumbeat.admin(), "service edit ledger"));
        answer(drumbeat.submit(TestDrumbeat.ADMIN, "service-form", "", service("evil", SERVICE + " 2")));
        answer(drumbeat.submit(TestDrumbeat.ADMIN, "service-form", "", service("evil", SERVICE + " 3")));
        answer(drumbeat.submit(TestDrumbeat.ADMIN, "service-form", "ledger", service(null, LEDGER)));
        answer(drumbeat.command(OWNER, "initiatives"));
        answer(drumbeat.command(drumbeat.admin(), "initiative edit init"));
        answer(drumbeat.submit(TestDrumbeat.ADMIN, "initiative-form", "", initiative("init2", INITIATIVE + " 2")));
        answer(drumbeat.submit(TestDrumbeat.ADMIN, "initiative-form", "", initiative("init3", INITIATIVE)));
        answer(drumbeat.command(OWNER, "whoami"));
        answer(drumbeat.command(OWNER, "away until 2026-12-01 <@" + DEPUTY + "|dan>"));
        answer(drumbeat.command(OWNER, "back"));
        answer(drumbeat.command(OWNER, "dashboard"));
        answer(drumbeat.command(OWNER, "nonsense " + SERVICE));
        answer(drumbeat.command(drumbeat.admin(), "token create " + SERVICE));
        answer(drumbeat.command(drumbeat.admin(), "token list"));
        settle();

        assertThat(texts()).anyMatch(t -> t.contains("&lt;!channel&gt; Pwn"));
        assertOnlyDrumbeatMarkup();
        assertDrumbeatsMentionsAreLive();
    }

    @Test
    void answers_to_questions_show_names_as_text() {
        for (String question : List.of(
                "who owns pwn",
                "who is the deputy for pwn",
                "unit cost of ledger",
                "how is ledger doing",
                "what costs the most",
                "which services lose money",
                "what is ownerless",
                "what is stale",
                "what is escalated",
                "which okrs are at risk",
                "how is O7 doing",
                "what if init slips 6 weeks",
                "what can we deprioritise to save 1k a month",
                "what if " + NOWHERE + " slips 2 weeks",
                "who owns " + NOWHERE,
                "what is " + SERVICE)) {
            answer(drumbeat.command(LEAD, "ask " + question));
        }
        SlackReply advice = drumbeat.command(LEAD, "ask what can we deprioritise to save 500 a month");
        answer(advice);
        String askId = buttonValue(advice, "ask-share");
        answer(drumbeat.clickInChannel(LEAD, GENERAL, drumbeat.slack().mintTs(), true, "ask-share", askId));
        settle();
        String shared = drumbeat.messages(GENERAL).get(0).ts();
        answer(drumbeat.clickInChannel(LEAD, GENERAL, shared, false, "ask-record", askId));
        answer(drumbeat.command(LEAD, "decisions"));
        answer(drumbeat.click(LEAD, "decision-undo:1", "1"));
        drumbeat.event(SlackPayloads.eventCallback(
                TestDrumbeat.TEAM,
                "Ev0EVIL01",
                Map.of(
                        "type",
                        "app_mention",
                        "user",
                        LEAD,
                        "text",
                        "<@" + SlackStandIn.BOT_USER_ID + "> who owns pwn",
                        "channel",
                        GENERAL,
                        "ts",
                        "1700000100.000100",
                        "event_ts",
                        "1700000100.000100")));
        settle();

        assertThat(texts()).anyMatch(t -> t.contains("&lt;!channel&gt; Pwn"));
        assertOnlyDrumbeatMarkup();
        assertDrumbeatsMentionsAreLive();
    }

    @Test
    void text_slack_escaped_in_a_command_is_kept_as_typed_and_shown_as_typed() {
        SlackReply added = drumbeat.command(OWNER, "okr add Costs &amp; &lt;risks&gt; <!here>");
        answer(added);

        assertThat(added.text()).contains("*Costs &amp; &lt;risks&gt; &lt;!here&gt;* is set for 2026-Q4");
        String stored = drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select title from objectives where id <> 7")
                        .mapTo(String.class)
                        .one());
        assertThat(stored).isEqualTo("Costs & <risks> <!here>");
        assertOnlyDrumbeatMarkup();
    }

    @Test
    void objectives_and_key_results_show_titles_as_text() {
        answer(drumbeat.command(OWNER, "okr add " + OBJECTIVE));
        answer(drumbeat.command(OWNER, "okr"));
        answer(drumbeat.command(OWNER, "okr show O7"));
        answer(drumbeat.command(OWNER, "okr at-risk"));
        answer(drumbeat.command(OWNER, "okr vanity"));
        answer(drumbeat.command(OWNER, "okr kr O7"));
        answer(drumbeat.submit(OWNER, "okr-key-result", "7", keyResult(KEY_RESULT + " 2")));
        answer(drumbeat.command(OWNER, "okr link KR1 " + LEDGER + "/" + KPI));
        answer(drumbeat.command(OWNER, "okr link KR1 ledger/uptime"));
        answer(drumbeat.command(OWNER, "okr link KR1 " + NOWHERE + "/" + NOWHERE));
        answer(drumbeat.command(DEPUTY, "okr kr O7"));
        answer(drumbeat.command(OWNER, "okr confidence KR1 on track"));
        answer(drumbeat.command(OWNER, "okr done KR2 " + NOTE));
        answer(drumbeat.command(OWNER, "okr done KR1 " + NOTE));
        drumbeat.clock().set(FRIDAY);
        digests().sendDueDigests();
        drumbeat.clock().set(Instant.parse("2027-01-04T09:00:00Z"));
        reviews().sendDue();
        new OkrRollover(drumbeat.jdbi(), new Outbox(drumbeat.clock()), new AuditLog(drumbeat.clock()), drumbeat.clock())
                .askOwners();
        settle();
        answer(drumbeat.click(OWNER, "okr-roll-over", "7"));
        openHome(OWNER);
        settle();

        assertThat(texts()).anyMatch(t -> t.contains("&lt;!channel&gt; Objective"));
        assertOnlyDrumbeatMarkup();
        assertDrumbeatsMentionsAreLive();
    }

    // Driving Drumbeat

    private static PromptService prompts() {
        return Sweeps.prompts(drumbeat);
    }

    private static EscalationService escalations() {
        return Sweeps.escalations(drumbeat, LEADERSHIP);
    }

    private static DigestService digests() {
        return Sweeps.digests(drumbeat, LEADERSHIP, new OkrDigestSection(okrs()));
    }

    private static OkrService okrs() {
        return new OkrService(drumbeat.jdbi(), new AuditLog(drumbeat.clock()), OkrRules.defaults(), drumbeat.clock());
    }

    private static OkrReview reviews() {
        return new OkrReview(
                drumbeat.jdbi(),
                new Outbox(drumbeat.clock()),
                okrs(),
                new Money(Currency.getInstance("USD")),
                Optional.of(LEADERSHIP),
                drumbeat.clock());
    }

    private static long escalationId(String reason) {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select id from escalations where reason = :r")
                        .bind("r", reason)
                        .mapTo(Long.class)
                        .one());
    }

    private static SlackReply checkIn(String ref) {
        Map<String, Map<String, Object>> values = new LinkedHashMap<>();
        values.put("status", option("red"));
        values.put("hurdle", text(HURDLE));
        values.put("note", text(NOTE));
        values.put("kpi-uptime", text("91"));
        return drumbeat.submit(OWNER, "checkin-form", ref, values);
    }

    private static Map<String, Map<String, Object>> service(String key, String name) {
        Map<String, Map<String, Object>> values = new LinkedHashMap<>();
        if (key != null) {
            values.put("key", text(key));
        }
        values.put("name", text(name));
        values.put("tier", option("core"));
        values.put("owner", user(OWNER));
        values.put("unit_cost", text("1"));
        values.put("unit_name", text(UNIT_NAME));
        values.put("monthly_demand", text("10"));
        values.put("monthly_value", text("100"));
        values.put("description", text(DESCRIPTION));
        return values;
    }

    private static Map<String, Map<String, Object>> initiative(String key, String name) {
        Map<String, Map<String, Object>> values = new LinkedHashMap<>();
        values.put("key", text(key));
        values.put("name", text(name));
        values.put("status", option("active"));
        values.put("budget", text("1000"));
        values.put("monthly_slip_cost", text("100"));
        values.put("relies_on", text(SERVICE + "\nledger"));
        return values;
    }

    private static Map<String, Map<String, Object>> keyResult(String title) {
        Map<String, Map<String, Object>> values = new LinkedHashMap<>();
        values.put("title", text(title));
        values.put("kind", option("milestone"));
        values.put("kpi", text(""));
        values.put("target", text(""));
        values.put("baseline", text(""));
        return values;
    }

    private static void openHome(String userId) {
        Map<String, Object> event = Map.of(
                "type",
                "app_home_opened",
                "user",
                userId,
                "channel",
                "D0HOME",
                "tab",
                "home",
                "event_ts",
                "1700000001.000100");
        assertThat(drumbeat.event("Ev" + userId + System.nanoTime(), event).statusCode())
                .isEqualTo(200);
        Await.until(
                "the Home tab of " + userId,
                () -> drumbeat.slack().homeView(userId).isPresent());
    }

    private static String buttonValue(SlackReply reply, String actionId) {
        for (JsonNode block : reply.blocks()) {
            for (JsonNode element : block.path("elements")) {
                if (element.path("action_id").asText().equals(actionId)) {
                    return element.path("value").asText();
                }
            }
        }
        throw new AssertionError("no button " + actionId + " in " + reply.json());
    }

    private void answer(SlackReply reply) {
        answers.add(reply.json());
    }

    /** Waits until the outbox has sent all it holds, however Slack's pace per channel holds it back. */
    private static void settle() {
        Await.until(
                "the outbox to empty",
                Duration.ofSeconds(90),
                () -> drumbeat.count("slack_outbox where state in ('pending', 'sending')") == 0);
    }

    // Reading what Drumbeat sent

    /** Every mrkdwn text Drumbeat sent or answered with in this test, each prefixed with where it went. */
    private List<String> texts() {
        settle();
        List<String> texts = new ArrayList<>();
        for (SlackStandInCall call : drumbeat.slack().calls()) {
            mrkdwn(JSON.valueToTree(call.args()), call.method(), texts);
        }
        answers.forEach(answer -> mrkdwn(answer, "answer", texts));
        return texts;
    }

    private static String texts(List<SlackStandInCall> calls) {
        List<String> texts = new ArrayList<>();
        calls.forEach(call -> mrkdwn(JSON.valueToTree(call.args()), call.method(), texts));
        return String.join("\n", texts);
    }

    /**
     * The texts Slack parses for markup: every {@code text} but those of {@code plain_text} objects, which Slack shows
     * as they are. Field errors and inputs' values are not parsed either.
     */
    private static void mrkdwn(JsonNode node, String where, List<String> texts) {
        if (node.isObject()) {
            if (node.path("type").asText().equals("plain_text")) {
                return;
            }
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("text") && field.getValue().isTextual()) {
                    texts.add(where + ": " + field.getValue().asText());
                } else if (!field.getKey().equals("errors")) {
                    mrkdwn(field.getValue(), where, texts);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> mrkdwn(child, where, texts));
        }
    }

    private void assertOnlyDrumbeatMarkup() {
        List<String> texts = texts();
        List<String> live = new ArrayList<>();
        for (String text : texts) {
            Matcher token = TOKEN.matcher(text);
            while (token.find()) {
                if (!isDrumbeats(token.group(1))) {
                    live.add(token.group() + " in " + start(text));
                }
            }
        }
        assertThat(live)
                .as("markup in Slack text that came from what people typed")
                .isEmpty();
        assertThat(texts.stream().filter(t -> t.matches("(?s).*&amp;(amp|lt|gt);.*")))
                .as("text escaped twice")
                .isEmpty();
    }

    /** The mentions Drumbeat makes itself, of owners and of who did what, reach Slack live. */
    private void assertDrumbeatsMentionsAreLive() {
        assertThat(String.join("\n", texts()))
                .as("Drumbeat's own mentions are live")
                .containsPattern("<@U0[A-Z0-9]+>");
    }

    /** A mention of someone in the workspace, a link to one of its channels, or a date Slack localises. */
    private static boolean isDrumbeats(String token) {
        if (token.startsWith("@")) {
            return PEOPLE.contains(token.substring(1));
        }
        if (token.startsWith("#")) {
            return CHANNELS.contains(token.substring(1));
        }
        return DATE.matcher(token).matches();
    }

    /** The start of a text, enough to find where it came from. */
    private static String start(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "…";
    }
}
