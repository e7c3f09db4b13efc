package dev.drumbeat.ask;

import static dev.drumbeat.ask.AskFixture.ALICE;
import static dev.drumbeat.ask.AskFixture.CHANNEL;
import static dev.drumbeat.ask.AskFixture.LEAD;
import static dev.drumbeat.ask.AskFixture.ask;
import static dev.drumbeat.ask.AskFixture.buttonValue;
import static dev.drumbeat.ask.AskFixture.clickPrivate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.sandbox.standin.SlackStandIn;
import dev.drumbeat.sandbox.standin.SlackStandInCall;
import dev.drumbeat.sandbox.standin.SlackStandInMessage;
import dev.drumbeat.support.Await;
import dev.drumbeat.support.SlackPayloads;
import dev.drumbeat.support.TestDrumbeat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Answers everyone sees: `@Drumbeat …` answered in its thread, and a private answer shared in the channel. */
class AskInChannelTest extends AskFixture {
    private static Map<String, Object> mention(String eventId, String text, String ts, String threadTs) {
        Map<String, Object> event = new HashMap<>(Map.of(
                "type", "app_mention", "user", LEAD, "text", text, "channel", CHANNEL, "ts", ts, "event_ts", ts));
        if (threadTs != null) {
            event.put("thread_ts", threadTs);
        }
        return SlackPayloads.eventCallback(TestDrumbeat.TEAM, eventId, event);
    }

    private static List<SlackStandInCall> channelPosts() {
        return drumbeat.posts(CHANNEL);
    }

    @Test
    void a_mention_is_answered_in_its_thread_once_however_often_slack_retries() {
        Map<String, Object> envelope =
                mention("Ev0ASK01", "<@" + SlackStandIn.BOT_USER_ID + "> who owns crm?", "1700000100.000100", null);
        assertThat(drumbeat.event(envelope).statusCode()).isEqualTo(200);
        assertThat(drumbeat.event(envelope).statusCode()).isEqualTo(200);

        Await.until("the answer in the thread", () -> !channelPosts().isEmpty());
        SlackStandInCall answer = channelPosts().get(0);
        assertThat(answer.args()).containsEntry("thread_ts", "1700000100.000100");
        assertThat(String.valueOf(answer.args().get("text"))).contains("CRM is owned by <@U0BOB0001>");
        assertThat(drumbeat.count("asks")).isEqualTo(1);
    }

    @Test
    void the_first_mention_from_a_new_workspace_is_answered_and_learns_who_asked() {
        Map<String, Object> envelope = new HashMap<>(
                mention("Ev0ASK04", "<@" + SlackStandIn.BOT_USER_ID + "> help", "1700000400.000100", null));
        envelope.put("team_id", "T0FRESH01");

        assertThat(drumbeat.event(envelope).statusCode()).isEqualTo(200);

        Await.until("the answer in the thread", () -> !channelPosts().isEmpty());
        assertThat(String.valueOf(channelPosts().get(0).args().get("text"))).contains("Here is what you can ask me");
        assertThat(drumbeat.count("people where team_id = 'T0FRESH01' and user_id = 'U0LEAD001'"))
                .isEqualTo(1);
    }

    @Test
    void a_mention_inside_a_thread_is_answered_in_that_thread_with_record_decision() {
        drumbeat.event(mention(
                "Ev0ASK02",
                "<@" + SlackStandIn.BOT_USER_ID + "> what can we cut to save 12k a month",
                "1700000200.000300",
                "1700000200.000100"));

        Await.until("the answer in the thread", () -> !channelPosts().isEmpty());
        SlackStandInCall answer = channelPosts().get(0);
        assertThat(answer.args()).containsEntry("thread_ts", "1700000200.000100");
        assertThat(String.valueOf(answer.args().get("blocks")))
                .contains("*CRM* `crm`", AskViews.RECORD)
                .doesNotContain(AskViews.SHARE);
    }

    @Test
    void a_mention_asked_back_in_its_thread_is_answered_there_once_confirmed() {
        drumbeat.event(mention(
                "Ev0ASK09",
                "<@" + SlackStandIn.BOT_USER_ID + "> what can we cut to save 12k a month, keep it cheap",
                "1700000900.000300",
                "1700000900.000100"));
        Await.until("the question asked back", () -> !drumbeat.messages(CHANNEL).isEmpty());
        SlackStandInMessage askedBack = drumbeat.messages(CHANNEL).get(0);
        String blocks = String.valueOf(askedBack.blocks());
        assertThat(blocks).contains("I didn't understand", AskViews.AS_READ).doesNotContain("*CRM* `crm` ·");
        Matcher id =
                Pattern.compile("value=(\\d+), action_id=" + AskViews.AS_READ).matcher(blocks);
        assertThat(id.find()).as(blocks).isTrue();

        drumbeat.clickInChannel(LEAD, CHANNEL, askedBack.ts(), false, AskViews.AS_READ, id.group(1));

        Await.until(
                "the answer in its place",
                () -> drumbeat.messages(CHANNEL).get(0).edited());
        assertThat(String.valueOf(drumbeat.messages(CHANNEL).get(0).blocks()))
                .contains("not used: \"keep it cheap\"", "*CRM* `crm`", AskViews.RECORD)
                .doesNotContain(AskViews.AS_READ);
    }

    @Test
    void share_posts_the_answer_in_the_channel_with_who_asked_and_only_once() {
        String answerId = buttonValue(ask(LEAD, "what can we deprioritise to save 12k a month?"), AskViews.SHARE);

        assertThat(clickPrivate(LEAD, AskViews.SHARE, answerId)).isEqualTo(200);
        Await.until("the shared answer", () -> !channelPosts().isEmpty());
        String shared = String.valueOf(channelPosts().get(0).args().get("blocks"));
        assertThat(shared)
                .contains(
                        "<@U0LEAD001> asked: “what can we deprioritise to save 12k a month?”",
                        "*CRM* `crm`",
                        AskViews.RECORD)
                .doesNotContain(AskViews.SHARE);

        clickPrivate(LEAD, AskViews.SHARE, answerId);
        assertThat(drumbeat.openedViewText(LEAD)).contains("already shared");
        assertThat(channelPosts()).hasSize(1);
    }

    @Test
    void a_share_slack_refuses_is_explained_to_the_asker_and_goes_out_when_pressed_again() {
        String answerId = buttonValue(ask(LEAD, "what can we deprioritise to save 12k a month?"), AskViews.SHARE);
        drumbeat.slack().refuseNext("chat.postMessage", CHANNEL, "not_in_channel");

        clickPrivate(LEAD, AskViews.SHARE, answerId);

        Await.until(
                "the asker told why",
                () -> drumbeat.posts(LEAD).stream()
                        .anyMatch(c ->
                                String.valueOf(c.args().get("text")).contains("was not shared in <#" + CHANNEL + ">")));
        assertThat(String.valueOf(drumbeat.posts(LEAD)
                        .get(drumbeat.posts(LEAD).size() - 1)
                        .args()
                        .get("text")))
                .contains("Invite me there (`/invite @Drumbeat`)");
        assertThat(channelPosts())
                .singleElement()
                .satisfies(refused -> assertThat(refused.ok()).isFalse());

        clickPrivate(LEAD, AskViews.SHARE, answerId);
        Await.until("the answer shared at last", () -> channelPosts().stream().anyMatch(SlackStandInCall::ok));
        assertThat(String.valueOf(channelPosts().get(1).args().get("blocks"))).contains("*CRM* `crm`");
    }

    @Test
    void recording_from_a_shared_answer_marks_the_message_for_everyone() {
        String answerId = buttonValue(ask(LEAD, "what can we deprioritise to save 12k a month?"), AskViews.SHARE);
        clickPrivate(LEAD, AskViews.SHARE, answerId);
        Await.until("the shared answer", () -> !drumbeat.messages(CHANNEL).isEmpty());
        SlackStandInMessage message = drumbeat.messages(CHANNEL).get(0);

        drumbeat.clickInChannel(LEAD, CHANNEL, message.ts(), false, AskViews.RECORD, answerId);

        Await.until(
                "the message marked", () -> drumbeat.messages(CHANNEL).get(0).edited());
        String edited = String.valueOf(drumbeat.messages(CHANNEL).get(0).blocks());
        assertThat(edited)
                .contains(
                        "<@U0LEAD001> asked: “what can we deprioritise to save 12k a month?”",
                        "Recorded as decision #",
                        "by <@U0LEAD001>")
                .doesNotContain(AskViews.RECORD);

        String decision = drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select max(id) from decisions")
                        .mapTo(String.class)
                        .one());
        drumbeat.command(LEAD, "decisions undo " + decision);
        Await.until(
                "the message shows the undo",
                () -> String.valueOf(drumbeat.messages(CHANNEL).get(0).blocks()).contains("was undone by"));
        assertThat(String.valueOf(drumbeat.messages(CHANNEL).get(0).blocks()))
                .contains("Decision #" + decision + " was undone by <@U0LEAD001>", AskViews.RECORD);
    }

    @Test
    void only_the_asker_may_share_an_answer() {
        String answerId = buttonValue(ask(LEAD, "what can we deprioritise to save 12k a month?"), AskViews.SHARE);

        clickPrivate(ALICE, AskViews.SHARE, answerId);

        assertThat(drumbeat.openedViewText(ALICE)).contains("Only the person who asked can share this answer");
        assertThat(drumbeat.count("slack_outbox where dedupe_key like 'ask:share:%'"))
                .isZero();
    }

    @Test
    void a_mention_holding_a_nul_character_tells_the_asker_how_to_fix_it_and_keeps_nothing() {
        assertThat(drumbeat.event(mention(
                                "Ev0ASKNUL",
                                "<@" + SlackStandIn.BOT_USER_ID + "> who owns c\u0000rm?",
                                "1700000900.000100",
                                null))
                        .statusCode())
                .isEqualTo(200);

        Await.until(
                "the asker told privately",
                () -> !drumbeat.calls("chat.postEphemeral").isEmpty());
        assertThat(String.valueOf(
                        drumbeat.calls("chat.postEphemeral").get(0).args().get("text")))
                .contains("NUL character");
        assertThat(channelPosts()).isEmpty();
        assertThat(drumbeat.count("asks")).isZero();
    }

    @Test
    void a_mention_keeps_the_question_without_the_mention() {
        drumbeat.event(mention(
                "Ev0ASK03", "<@" + SlackStandIn.BOT_USER_ID + "> what costs the most?", "1700000300.000100", null));

        String kept = drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select question from asks")
                        .mapTo(String.class)
                        .one());
        assertThat(kept).isEqualTo("what costs the most?");
    }

    @Test
    void a_member_may_share_but_not_record() {
        String answerId = buttonValue(ask(ALICE, "what can we deprioritise to save 12k a month?"), AskViews.SHARE);

        clickPrivate(ALICE, AskViews.RECORD, answerId);

        assertThat(drumbeat.openedViewText(ALICE)).contains("Only leadership and admins");
    }
}
