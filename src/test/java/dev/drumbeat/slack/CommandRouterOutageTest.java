package dev.drumbeat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.drumbeat.config.Capacity;
import dev.drumbeat.config.Config;
import dev.drumbeat.core.Actors;
import dev.drumbeat.sandbox.SlackDriver;
import dev.drumbeat.sandbox.standin.SlackStandIn;
import dev.drumbeat.support.TestDrumbeat;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** `/drumbeat` on a real Bolt app when the database goes away after the request got in: the short sentence. */
class CommandRouterOutageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static SlackStandIn slack;
    final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeAll
    static void startSlack() {
        slack = SlackStandIn.start(TestDrumbeat.BOT_TOKEN, SlackStandIn.manifestScopes());
    }

    @AfterAll
    static void stopSlack() {
        slack.close();
    }

    @AfterEach
    void detachLog() {
        logger().detachAppender(logged);
    }

    @Test
    void a_command_that_finds_the_database_unreachable_is_told_so_without_a_reference() throws Exception {
        Actors actors = mock(Actors.class);
        when(actors.actorFor(anyString(), anyString(), anyString()))
                .thenThrow(new ConnectionException(new SQLTransientConnectionException(
                        "drumbeat - Connection is not available, request timed out after 1000ms")));
        Config config = TestDrumbeat.config(slack.apiUrl());
        App app = SlackApp.create(config, SlackApp.client(config));
        new CommandRouter(actors, new SlowCommands(new SlowCommands.Settings(1, 1, Capacity.COMMAND_PATIENCE)))
                .register(app);
        logged.start();
        logger().addAppender(logged);

        Response response = app.run(new SlackRequestParser(app.config())
                .parse(SlackRequestParser.HttpRequest.builder()
                        .requestUri("/slack/events")
                        .queryString(Map.of())
                        .headers(new RequestHeaders(
                                Map.of("Content-Type", List.of("application/x-www-form-urlencoded"))))
                        .requestBody(SlackDriver.formBody(Map.of(
                                "team_id", TestDrumbeat.TEAM,
                                "user_id", "U0ALICE01",
                                "user_name", "alice",
                                "channel_id", "C0GENERAL",
                                "command", CommandRouter.COMMAND,
                                "text", "help",
                                "trigger_id", "1.2.abc")))
                        .remoteAddress("127.0.0.1")
                        .build()));

        JsonNode answer = JSON.readTree(response.getBody());
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(answer.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(answer.path("text").asText()).isEqualTo(Failures.DATABASE_UNAVAILABLE);
        assertThat(logged.list).noneMatch(e -> e.getLevel() == Level.ERROR);
    }

    private static ch.qos.logback.classic.Logger logger() {
        return (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(CommandRouter.class);
    }
}
