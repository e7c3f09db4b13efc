package dev.drumbeat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.drumbeat.support.Await;
import io.javalin.Javalin;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Posting a slash command's late answer to its response_url, over HTTP to a stand-in for Slack's webhook. */
class ResponseUrlsTest {
    private final Queue<String> received = new ConcurrentLinkedQueue<>();
    private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final ResponseUrls responseUrls = new ResponseUrls(1, List.of(Duration.ZERO, Duration.ZERO));
    private Javalin webhook;

    @BeforeEach
    void start() {
        logged.start();
        log().addAppender(logged);
        webhook = Javalin.create(c -> c.routes.post("/hook/{secret}", ctx -> {
                    received.add(ctx.body());
                    Integer status = answers.poll();
                    ctx.status(status == null ? 200 : status).result("");
                }))
                .start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws InterruptedException {
        responseUrls.close();
        webhook.stop();
        log().detachAppender(logged);
    }

    @Test
    void an_answer_slack_could_not_take_just_then_is_posted_again() {
        answers.add(503);
        answers.add(429);

        responseUrls.answer(url(), Reply.text("The answer"));

        Await.until("the third try", () -> received.size() == 3);
        assertThat(received)
                .allSatisfy(body -> assertThat(body)
                        .contains(
                                "\"text\":\"The answer\"",
                                "\"response_type\":\"ephemeral\"",
                                "\"replace_original\":true"));
        assertThat(logged.list).isEmpty();
    }

    @Test
    void a_refused_answer_is_not_tried_again_and_is_logged_by_kind_without_the_url() {
        answers.add(404);

        responseUrls.answer(url(), Reply.text("The answer"));

        Await.until("the failure logged", () -> !logged.list.isEmpty());
        assertThat(received).hasSize(1);
        assertThat(logged.list.get(0).getFormattedMessage())
                .isEqualTo("answering a slash command through its response_url failed after 1 tries: HTTP 404");
    }

    @Test
    void an_answer_that_never_gets_through_is_logged_after_the_last_try() {
        answers.add(500);
        answers.add(502);
        answers.add(503);

        responseUrls.answer(url(), Reply.text("The answer"));

        Await.until("the failure logged", () -> !logged.list.isEmpty());
        assertThat(received).hasSize(3);
        assertThat(logged.list.get(0).getFormattedMessage())
                .isEqualTo("answering a slash command through its response_url failed after 3 tries: HTTP 503")
                .doesNotContain("secret-token");
    }

    private String url() {
        return "http://127.0.0.1:" + webhook.port() + "/hook/secret-token";
    }

    private static ch.qos.logback.classic.Logger log() {
        return (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(ResponseUrls.class);
    }
}
