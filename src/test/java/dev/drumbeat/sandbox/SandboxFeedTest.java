package dev.drumbeat.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import dev.drumbeat.sandbox.standin.SlackStandIn;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What each person sees in the sandbox: the bot's messages as the stand-in holds them, plus the page's transcript. */
class SandboxFeedTest {
    private static final String TOKEN = "xoxb-sandbox-feed-test";
    private static final String ANA = "U0ANA";
    private static final String BEN = "U0BEN";

    private SlackStandIn standIn;
    private Slack slack;
    private MethodsClient methods;
    private final SandboxTranscript transcript = new SandboxTranscript();
    private SandboxFeed feed;
    private SandboxConversations conversations;

    @BeforeEach
    void start() {
        standIn = SlackStandIn.start(TOKEN, Set.of("chat:write", "im:write", "users:read", "commands"));
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(standIn.apiUrl());
        slack = Slack.getInstance(config);
        methods = slack.methods(TOKEN);
        feed = new SandboxFeed(standIn, transcript);
        conversations = new SandboxConversations(standIn, feed, "C0LEADERS", Set.of("C0PAYMENTS", "C0INFRA"));
    }

    @AfterEach
    void stop() throws Exception {
        slack.close();
        standIn.close();
    }

    @Test
    void an_ephemeral_message_is_seen_only_by_the_person_it_is_for() throws Exception {
        methods.chatPostMessage(r -> r.channel("C0PAYMENTS").text("for everyone"));
        methods.chatPostEphemeral(r -> r.channel("C0PAYMENTS").user(ANA).text("only for Ana"));

        assertThat(feed.visible(ANA, "C0PAYMENTS"))
                .extracting(SandboxMessage::text)
                .containsExactly("for everyone", "only for Ana");
        assertThat(feed.visible(BEN, "C0PAYMENTS"))
                .extracting(SandboxMessage::text)
                .containsExactly("for everyone");
        assertThat(feed.counts(BEN)).containsEntry("C0PAYMENTS", 1L);
    }

    @Test
    void typed_commands_and_their_answers_sit_between_the_bot_messages_in_timestamp_order() throws Exception {
        methods.chatPostMessage(r -> r.channel("C0INFRA").text("before"));
        transcript.add(SandboxMessage.typed("C0INFRA", standIn.mintTs(), ANA, "/drumbeat help"));
        transcript.add(SandboxMessage.answer("C0INFRA", standIn.mintTs(), ANA, "Here is what I can do", null, false));
        transcript.add(SandboxMessage.answer("C0INFRA", standIn.mintTs(), ANA, "Shared with the channel", null, true));
        methods.chatPostMessage(r -> r.channel("C0INFRA").text("after"));

        assertThat(feed.visible(ANA, "C0INFRA"))
                .extracting(SandboxMessage::text)
                .containsExactly(
                        "before", "/drumbeat help", "Here is what I can do", "Shared with the channel", "after");
        assertThat(feed.visible(BEN, "C0INFRA"))
                .extracting(SandboxMessage::text)
                .containsExactly("before", "Shared with the channel", "after");
    }

    @Test
    void an_edited_message_keeps_its_place_and_says_it_was_edited() throws Exception {
        String ts = methods.chatPostMessage(r -> r.channel("C0LEADERS").text("Escalation, level 1"))
                .getTs();
        methods.chatPostMessage(r -> r.channel("C0LEADERS").text("a later one"));
        methods.chatUpdate(r -> r.channel("C0LEADERS").ts(ts).text("Escalation, level 2"));

        List<SandboxMessage> seen = feed.visible(ANA, "C0LEADERS");
        assertThat(seen)
                .extracting(SandboxMessage::text, SandboxMessage::edited)
                .containsExactly(tuple("Escalation, level 2", true), tuple("a later one", false));
        assertThat(feed.find("C0LEADERS", ts)).map(SandboxMessage::ts).contains(ts);
    }

    @Test
    void the_sidebar_lists_the_persons_dm_with_the_bot_before_it_holds_a_message_then_channels_then_home()
            throws Exception {
        String dm = methods.conversationsOpen(r -> r.users(List.of(ANA)))
                .getChannel()
                .getId();
        methods.chatPostMessage(r -> r.channel("C0SANDBOX").text("elsewhere"));

        List<SandboxConversations.Conversation> sidebar = conversations.forUser(ANA);

        assertThat(sidebar)
                .extracting(SandboxConversations.Conversation::id)
                .containsExactly(dm, "C0LEADERS", "C0INFRA", "C0PAYMENTS", "C0SANDBOX", "home");
        assertThat(sidebar.get(0)).isEqualTo(new SandboxConversations.Conversation(dm, "Drumbeat", "dm", 0));
        assertThat(sidebar)
                .filteredOn(c -> c.id().equals("C0PAYMENTS"))
                .extracting(SandboxConversations.Conversation::name)
                .containsExactly("payments");
    }

    @Test
    void a_person_may_read_channels_and_their_own_dm_but_not_someone_elses() {
        assertThat(conversations.mayRead(ANA, standIn.directChannelOf(ANA))).isTrue();
        assertThat(conversations.mayRead(ANA, "C0PAYMENTS")).isTrue();
        assertThat(conversations.mayRead(ANA, standIn.directChannelOf(BEN))).isFalse();
        assertThat(conversations.mayRead(ANA, null)).isFalse();
    }
}
