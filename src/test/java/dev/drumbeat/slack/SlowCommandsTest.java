package dev.drumbeat.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.slack.api.bolt.App;
import dev.drumbeat.config.Config;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Role;
import dev.drumbeat.sandbox.SlackDriver;
import dev.drumbeat.sandbox.SlackUser;
import dev.drumbeat.sandbox.standin.SlackStandIn;
import dev.drumbeat.sandbox.standin.SlackStandInCall;
import dev.drumbeat.sandbox.standin.SlackStandInResponses;
import dev.drumbeat.support.Await;
import dev.drumbeat.support.SlackReply;
import dev.drumbeat.support.TestDrumbeat;
import io.javalin.Javalin;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * `/drumbeat` subcommands that may be slow, over real HTTP with signed requests, their response_urls the Slack
 * stand-in's: a test-only subcommand whose answer waits for the test to let it go stands for a slow one.
 */
class SlowCommandsTest {
    private static final String CHANNEL = "C0GENERAL";
    private static final Duration SHORT_PATIENCE = Duration.ofMillis(20);
    private static SlackStandIn slack;
    private final CountDownLatch release = new CountDownLatch(1);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Javalin server;
    private SlowCommands slow;
    private SlackDriver driver;

    @BeforeAll
    static void startSlack() {
        slack = SlackStandIn.start(TestDrumbeat.BOT_TOKEN, SlackStandIn.manifestScopes());
    }

    @AfterAll
    static void stopSlack() {
        slack.close();
    }

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        responseUrlLog().detachAppender(logged);
        if (server != null) {
            server.stop();
        }
        if (slow != null) {
            slow.close();
        }
        slack.reset();
    }

    @Test
    void an_answer_not_ready_in_time_follows_the_acknowledgement_through_the_response_url() {
        start(new SlowCommands.Settings(2, 4, SHORT_PATIENCE));
        String ts = slack.mintTs();

        SlackReply ack = command("slow question", slack.responseUrl(CHANNEL, "U0ALICE01", ts));

        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.responseType()).isEqualTo("ephemeral");
        assertThat(ack.text()).startsWith("Working on it");
        assertThat(slack.calls("response_url"))
                .as("nothing posted before the acknowledgement")
                .isEmpty();

        release.countDown();

        Await.until(
                "the answer through the response_url",
                () -> slack.replacement(CHANNEL, ts).isPresent());
        SlackStandInResponses.Replacement answer =
                slack.replacement(CHANNEL, ts).orElseThrow();
        assertThat(answer.text()).isEqualTo("The answer to: question");
        assertThat(answer.blocks().toString()).contains("The answer to: question", "answer-button");
        SlackStandInCall posted = slack.calls("response_url").get(0);
        assertThat(posted.args()).containsEntry("response_type", "ephemeral").containsEntry("replace_original", true);
        assertThat(slack.calls("response_url")).hasSize(1);
    }

    @Test
    void an_answer_ready_in_time_is_the_acknowledgement_and_nothing_is_posted() {
        start(new SlowCommands.Settings(2, 4, Duration.ofMinutes(1)));
        release.countDown();

        SlackReply ack = command("slow question", slack.responseUrl(CHANNEL, "U0ALICE01", slack.mintTs()));

        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.responseType()).isEqualTo("ephemeral");
        assertThat(ack.json().path("text").asText()).isEqualTo("The answer to: question");
        assertThat(ack.blocks().toString()).contains("answer-button").doesNotContain("Working on it");
        assertThat(slack.calls("response_url")).isEmpty();
    }

    @Test
    void when_every_worker_is_busy_and_the_queue_full_the_acknowledgement_says_so_at_once() {
        start(new SlowCommands.Settings(1, 1, SHORT_PATIENCE));
        String first = slack.mintTs();
        String second = slack.mintTs();

        assertThat(command("slow one", slack.responseUrl(CHANNEL, "U0ALICE01", first))
                        .text())
                .startsWith("Working on it");
        assertThat(command("slow two", slack.responseUrl(CHANNEL, "U0ALICE01", second))
                        .text())
                .startsWith("Working on it");
        SlackReply busy = command("slow three", slack.responseUrl(CHANNEL, "U0ALICE01", slack.mintTs()));

        assertThat(busy.status()).isEqualTo(200);
        assertThat(busy.responseType()).isEqualTo("ephemeral");
        assertThat(busy.json().path("text").asText())
                .isEqualTo("Drumbeat is busy answering other questions; ask again in a minute.");

        release.countDown();

        Await.until(
                "both answers through their response_urls",
                () -> slack.replacement(CHANNEL, first).isPresent()
                        && slack.replacement(CHANNEL, second).isPresent());
        assertThat(slack.replacement(CHANNEL, second).orElseThrow().text()).isEqualTo("The answer to: two");
        assertThat(slack.calls("response_url")).hasSize(2);
    }

    @Test
    void a_response_url_that_refuses_the_answer_is_logged_by_kind_without_the_url() {
        start(new SlowCommands.Settings(2, 4, SHORT_PATIENCE));
        String refusing = slack.apiUrl().replace("/api/", "/respond/") + "no-such-url";

        SlackReply ack = command("slow question", refusing);
        release.countDown();

        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.text()).startsWith("Working on it");
        Await.until(
                "the failure in the log",
                () -> logged.list.stream()
                        .anyMatch(e -> e.getFormattedMessage()
                                .equals("answering a slash command through its response_url failed after 1 tries:"
                                        + " HTTP 404")));
        assertThat(logged.list).noneMatch(e -> e.getFormattedMessage().contains("no-such-url"));
    }

    @Test
    void a_subcommand_that_is_never_slow_is_answered_on_the_request_thread_as_ever() {
        start(new SlowCommands.Settings(1, 1, SHORT_PATIENCE));

        SlackReply ack = command("quick question", slack.responseUrl(CHANNEL, "U0ALICE01", slack.mintTs()));

        assertThat(ack.json().path("text").asText()).isEqualTo("Quick: question");
        assertThat(slack.calls("response_url")).isEmpty();
    }

    private SlackReply command(String text, String responseUrl) {
        return SlackReply.of(
                driver.command(SlackUser.of(TestDrumbeat.TEAM, "U0ALICE01", "alice"), CHANNEL, text, responseUrl));
    }

    /** A Bolt app with the router on real HTTP: the subcommands "slow", which waits for {@link #release}, and "quick". */
    private void start(SlowCommands.Settings settings) {
        logged.start();
        responseUrlLog().addAppender(logged);
        Config config = TestDrumbeat.config(slack.apiUrl());
        App app = SlackApp.create(config, SlackApp.client(config));
        slow = new SlowCommands(settings, new ResponseUrls(1, List.of()));
        new CommandRouter((team, user, name) -> new Actor(team, user, Role.MEMBER), slow)
                .add(new Latched(release))
                .add(new Quick())
                .register(app);
        BoltAdapter adapter = new BoltAdapter(app, new RequestVerifier(TestDrumbeat.SIGNING_SECRET, Clock.systemUTC()));
        server = Javalin.create(c -> c.routes.post("/slack/events", adapter)).start("127.0.0.1", 0);
        driver = new SlackDriver(
                URI.create("http://127.0.0.1:" + server.port() + "/slack/events"),
                TestDrumbeat.SIGNING_SECRET,
                Clock.systemUTC());
    }

    private static ch.qos.logback.classic.Logger responseUrlLog() {
        return (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(ResponseUrls.class);
    }

    /** May be slow: answers once the test lets it, with a button, as an ask does. */
    private record Latched(CountDownLatch release) implements Subcommand {
        @Override
        public String name() {
            return "slow";
        }

        @Override
        public String usage() {
            return "slow <anything>";
        }

        @Override
        public String summary() {
            return "answers when the test says";
        }

        @Override
        public boolean mayBeSlow() {
            return true;
        }

        @Override
        public Reply handle(CommandRequest request) {
            try {
                if (!release.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never let the answer go");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            String text = "The answer to: " + request.args();
            return Reply.of(
                    text,
                    List.of(
                            SlackBlocks.markdown(text),
                            actions(a -> a.elements(List.of(button(
                                    b -> b.actionId("answer-button").value("1").text(plainText("Share"))))))));
        }
    }

    /** Never slow. */
    private record Quick() implements Subcommand {
        @Override
        public String name() {
            return "quick";
        }

        @Override
        public String usage() {
            return "quick <anything>";
        }

        @Override
        public String summary() {
            return "answers at once";
        }

        @Override
        public Reply handle(CommandRequest request) {
            return Reply.text("Quick: " + request.args());
        }
    }
}
