package dev.drumbeat.slack;

import static dev.drumbeat.support.SlackPayloads.blockAction;
import static dev.drumbeat.support.SlackPayloads.text;
import static dev.drumbeat.support.SlackPayloads.viewSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
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
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.UserChangeEvent;
import dev.drumbeat.config.Config;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Actors;
import dev.drumbeat.core.FieldError;
import dev.drumbeat.core.Role;
import dev.drumbeat.core.UserError;
import dev.drumbeat.sandbox.SlackDriver;
import dev.drumbeat.sandbox.standin.SlackStandIn;
import dev.drumbeat.support.TestDrumbeat;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.slf4j.LoggerFactory;

/**
 * {@link Interactions} on a real Bolt app, with Slack's Web API played by the stand-in: each handler and the actor
 * look-up are mocks, so these tests see only what the boundary does with what they answer or throw.
 */
class InteractionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEAM = TestDrumbeat.TEAM;
    private static final String USER = "U0CLICKER";
    private static final Actor ACTOR = new Actor(TEAM, USER, Role.MEMBER);
    private static final Notice NOTICE = new Notice("test-notice", "Testing");
    static SlackStandIn slack;
    final Actors actors = mock(Actors.class);
    final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    App app;
    Interactions interactions;

    @BeforeAll
    static void startSlack() {
        slack = SlackStandIn.start(TestDrumbeat.BOT_TOKEN, SlackStandIn.manifestScopes());
    }

    @AfterAll
    static void stopSlack() {
        slack.close();
    }

    @BeforeEach
    void build() {
        Config config = TestDrumbeat.config(slack.apiUrl());
        app = SlackApp.create(config, SlackApp.client(config));
        interactions = new Interactions(app, actors);
        when(actors.actorFor(TEAM, USER, USER.toLowerCase())).thenReturn(ACTOR);
        when(actors.actorFromEvent(TEAM, USER)).thenReturn(ACTOR);
        logged.start();
        logger().addAppender(logged);
        slack.clear();
    }

    @AfterEach
    void detachLog() {
        logger().detachAppender(logged);
    }

    private static ch.qos.logback.classic.Logger logger() {
        return (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Interactions.class);
    }

    @Test
    void handler_that_throws_user_error_answers_the_clicker_with_its_sentence_in_the_features_notice()
            throws Exception {
        Interactions.ActionHandler handler = mock(Interactions.ActionHandler.class);
        when(handler.handle(any(), any())).thenThrow(new UserError("Only leadership can snooze this. Ask them."));
        interactions.blockAction("esc-snooze", NOTICE, handler);

        Response response = click("esc-snooze", "42");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(openedNotice()).contains("Only leadership can snooze this. Ask them.");
        assertThat(errorsLogged()).isEmpty();
    }

    @Test
    void handler_that_fails_logs_one_reference_and_the_clicker_reads_it_in_the_sentence_not_a_500() throws Exception {
        Interactions.ActionHandler handler = mock(Interactions.ActionHandler.class);
        when(handler.handle(any(), any())).thenThrow(new IllegalStateException("connection refused"));
        interactions.blockAction(Pattern.compile("^esc-take:\\d+$"), NOTICE, handler);

        Response response = click("esc-take:42", "42");

        assertThat(response.getStatusCode()).isEqualTo(200);
        String reference = onlyLoggedReference();
        assertThat(openedNotice()).contains(Failures.sentence(reference)).doesNotContain("connection refused");
    }

    @Test
    void a_click_answer_opens_its_modal_and_hands_the_handler_the_click() throws Exception {
        Interactions.ActionHandler handler = mock(Interactions.ActionHandler.class);
        when(handler.handle(any(), any())).thenReturn(ClickAnswer.say("Done: O42 is closed."));
        interactions.blockAction("okr-close", NOTICE, handler);

        click("okr-close", "42");

        verify(handler)
                .handle(
                        ACTOR,
                        new Click(
                                "okr-close",
                                "42",
                                Optional.of("D0DRUMBEAT"),
                                Optional.of(new Click.Message("D0DRUMBEAT", "1700000000.000100", false)),
                                "https://hooks.slack.com/actions/" + TEAM + "/1/abc",
                                false));
        assertThat(openedNotice()).contains("Done: O42 is closed.");
    }

    @Test
    void a_click_answered_with_nothing_opens_nothing() throws Exception {
        Interactions.ActionHandler handler = mock(Interactions.ActionHandler.class);
        when(handler.handle(any(), any())).thenReturn(ClickAnswer.none());
        interactions.blockAction("esc-ack", NOTICE, handler);

        assertThat(click("esc-ack", "42").getStatusCode()).isEqualTo(200);
        assertThat(slack.calls("views.open")).isEmpty();
    }

    @Test
    void the_actor_is_resolved_once_per_interaction_and_handed_to_the_handler() throws Exception {
        Interactions.ActionHandler handler = mock(Interactions.ActionHandler.class);
        when(handler.handle(any(), any())).thenReturn(ClickAnswer.none());
        interactions.blockAction("esc-ack", NOTICE, handler);
        Interactions.SubmissionHandler form = mock(Interactions.SubmissionHandler.class);
        when(form.submit(any(), any())).thenReturn(Modals.notice("done", "Done", "Saved."));
        interactions.viewSubmission("test-form", "name", form);

        click("esc-ack", "42");
        submit("test-form");

        verify(actors, times(2)).actorFor(TEAM, USER, USER.toLowerCase());
        verifyNoMoreInteractions(actors);
        verify(handler).handle(eq(ACTOR), any());
        verify(form).submit(eq(ACTOR), any());
    }

    @Test
    void a_submission_turns_the_modal_into_the_view_the_handler_returns() throws Exception {
        Interactions.SubmissionHandler form = mock(Interactions.SubmissionHandler.class);
        when(form.submit(any(), any())).thenReturn(Modals.notice("test-form-done", "Saved", "Payments API is saved."));
        interactions.viewSubmission("test-form", "name", form);

        JsonNode answer = json(submit("test-form"));

        assertThat(answer.path("response_action").asText()).isEqualTo("update");
        assertThat(answer.path("view").path("callback_id").asText()).isEqualTo("test-form-done");
        ArgumentCaptor<Submission> submitted = ArgumentCaptor.forClass(Submission.class);
        verify(form).submit(eq(ACTOR), submitted.capture());
        assertThat(submitted.getValue().privateMetadata()).isEqualTo("payments-api");
        assertThat(new FormState(submitted.getValue().values()).text("name")).contains("Payments API");
    }

    @Test
    void field_error_becomes_response_action_errors_under_its_fields() throws Exception {
        interactions.viewSubmission("test-form", "name", (actor, submission) -> {
            throw new FieldError(Map.of("unit_cost", "A unit cost is a number.", "tier", "Pick a tier."));
        });

        Response response = submit("test-form");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).path("response_action").asText()).isEqualTo("errors");
        assertThat(JSON.convertValue(json(response).path("errors"), Map.class))
                .isEqualTo(Map.of("unit_cost", "A unit cost is a number.", "tier", "Pick a tier."));
    }

    @Test
    void user_error_in_a_submission_shows_under_the_refusal_field() throws Exception {
        interactions.viewSubmission(
                "test-form",
                submission -> submission.privateMetadata().isBlank() ? "key" : "name",
                (actor, submission) -> {
                    throw new UserError("Only the owner of Payments API can change it.");
                });

        JsonNode answer = json(submit("test-form"));

        assertThat(answer.path("response_action").asText()).isEqualTo("errors");
        assertThat(answer.path("errors").path("name").asText())
                .isEqualTo("Only the owner of Payments API can change it.");
        assertThat(errorsLogged()).isEmpty();
    }

    @Test
    void submission_that_fails_logs_one_reference_and_answers_the_sentence_under_the_refusal_field_not_a_500()
            throws Exception {
        Interactions.SubmissionHandler form = mock(Interactions.SubmissionHandler.class);
        when(form.submit(any(), any()))
                .thenThrow(new IllegalStateException("duplicate key value violates unique constraint"));
        interactions.viewSubmission("test-form", "name", form);

        Response response = submit("test-form");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).doesNotContain("duplicate key", "Exception");
        assertThat(json(response).path("errors").path("name").asText())
                .isEqualTo(Failures.sentence(onlyLoggedReference()));
    }

    @Test
    void an_actor_that_cannot_be_resolved_is_a_failure_like_any_other() throws Exception {
        when(actors.actorFor(anyString(), anyString(), anyString()))
                .thenThrow(new IllegalStateException("database down"));
        Interactions.SubmissionHandler form = mock(Interactions.SubmissionHandler.class);
        interactions.viewSubmission("test-form", "name", form);

        Response response = submit("test-form");

        assertThat(json(response).path("errors").path("name").asText())
                .isEqualTo(Failures.sentence(onlyLoggedReference()));
        verifyNoInteractions(form);
    }

    @Test
    void event_handler_that_throws_user_error_has_its_sentence_told_where_the_event_happened() throws Exception {
        @SuppressWarnings("unchecked")
        Interactions.EventReply<AppMentionEvent> reply = mock(Interactions.EventReply.class);
        interactions.event(
                AppMentionEvent.class,
                event -> Optional.of(event.getUser()),
                (actor, event) -> {
                    throw new UserError("Ask me about a service by its name.");
                },
                reply);

        Response response = mention();

        assertThat(response.getStatusCode()).isEqualTo(200);
        verify(reply).tell(eq(TEAM), any(AppMentionEvent.class), eq("Ask me about a service by its name."));
        verify(actors).actorFromEvent(TEAM, USER);
        verifyNoMoreInteractions(actors);
    }

    @Test
    void event_handler_that_fails_is_acknowledged_with_one_logged_reference_told_in_the_sentence() throws Exception {
        @SuppressWarnings("unchecked")
        Interactions.EventReply<AppMentionEvent> reply = mock(Interactions.EventReply.class);
        interactions.event(
                AppMentionEvent.class,
                event -> Optional.of(event.getUser()),
                (actor, event) -> {
                    throw new IllegalStateException("outbox full");
                },
                reply);

        Response response = mention();

        assertThat(response.getStatusCode()).isEqualTo(200);
        verify(reply).tell(eq(TEAM), any(AppMentionEvent.class), eq(Failures.sentence(onlyLoggedReference())));
    }

    @Test
    void an_event_nobody_acted_in_is_acknowledged_without_looking_anyone_up() throws Exception {
        @SuppressWarnings("unchecked")
        Interactions.EventHandler<AppMentionEvent> handler = mock(Interactions.EventHandler.class);
        interactions.event(AppMentionEvent.class, event -> Optional.empty(), handler);

        assertThat(mention().getStatusCode()).isEqualTo(200);
        verifyNoInteractions(handler, actors);
    }

    @Test
    void an_unreachable_database_is_told_to_the_clicker_and_under_the_refusal_field_without_a_reference()
            throws Exception {
        when(actors.actorFor(anyString(), anyString(), anyString())).thenThrow(unreachable());
        Interactions.ActionHandler handler = mock(Interactions.ActionHandler.class);
        interactions.blockAction("esc-ack", NOTICE, handler);
        Interactions.SubmissionHandler form = mock(Interactions.SubmissionHandler.class);
        interactions.viewSubmission("test-form", "name", form);

        Response clicked = click("esc-ack", "42");
        String notice = openedNotice();
        Response submitted = submit("test-form");

        assertThat(clicked.getStatusCode()).isEqualTo(200);
        assertThat(notice).contains(Failures.DATABASE_UNAVAILABLE);
        assertThat(json(submitted).path("response_action").asText()).isEqualTo("errors");
        assertThat(json(submitted).path("errors").path("name").asText()).isEqualTo(Failures.DATABASE_UNAVAILABLE);
        assertThat(errorsLogged()).isEmpty();
        verifyNoInteractions(handler, form);
    }

    @Test
    void an_event_that_finds_the_database_unreachable_is_not_acknowledged_so_slack_sends_it_again() throws Exception {
        @SuppressWarnings("unchecked")
        Interactions.EventReply<AppMentionEvent> reply = mock(Interactions.EventReply.class);
        interactions.event(
                AppMentionEvent.class,
                event -> Optional.of(event.getUser()),
                (actor, event) -> {
                    throw unreachable();
                },
                reply);
        @SuppressWarnings("unchecked")
        Interactions.WorkspaceEventHandler<UserChangeEvent> profiles = mock(Interactions.WorkspaceEventHandler.class);
        doThrow(unreachable()).when(profiles).hear(anyString(), any());
        interactions.event(UserChangeEvent.class, profiles);

        assertThat(statusOrThrown(this::mention)).isGreaterThanOrEqualTo(500);
        assertThat(statusOrThrown(() -> event(Map.of(
                        "type",
                        "user_change",
                        "event_ts",
                        "1700000000.000300",
                        "user",
                        Map.of("id", USER, "team_id", TEAM, "name", "clicker", "deleted", true)))))
                .isGreaterThanOrEqualTo(500);
        verifyNoInteractions(reply);
        assertThat(errorsLogged()).isEmpty();
    }

    @Test
    void workspace_event_that_fails_is_acknowledged_with_one_logged_reference() throws Exception {
        @SuppressWarnings("unchecked")
        Interactions.WorkspaceEventHandler<UserChangeEvent> handler = mock(Interactions.WorkspaceEventHandler.class);
        doThrow(new IllegalStateException("database down")).when(handler).hear(anyString(), any());
        interactions.event(UserChangeEvent.class, handler);

        Response response = event(Map.of(
                "type",
                "user_change",
                "event_ts",
                "1700000000.000300",
                "user",
                Map.of("id", USER, "team_id", TEAM, "name", "clicker", "deleted", true)));

        assertThat(response.getStatusCode()).isEqualTo(200);
        onlyLoggedReference();
        verify(handler).hear(eq(TEAM), any(UserChangeEvent.class));
        verify(actors, never()).actorFromEvent(anyString(), anyString());
    }

    /** What JDBI throws when the pool gives up waiting for a connection. */
    private static ConnectionException unreachable() {
        return new ConnectionException(new SQLTransientConnectionException(
                "drumbeat - Connection is not available, request timed out after 1000ms"));
    }

    /** The status Bolt answered, or 500 when it threw, which the adapter turns into a 503 or a 500. */
    private static int statusOrThrown(Callable<Response> request) {
        try {
            return request.call().getStatusCode();
        } catch (Exception e) {
            return 500;
        }
    }

    private Response click(String actionId, String value) throws Exception {
        Map<String, Object> payload = blockAction(TEAM, USER, slack.registerTrigger(USER), actionId, value);
        return run(
                SlackDriver.formBody(Map.of("payload", SlackDriver.json(payload))),
                "application/x-www-form-urlencoded");
    }

    private Response submit(String callbackId) throws Exception {
        Map<String, Object> payload =
                viewSubmission(TEAM, USER, callbackId, "payments-api", Map.of("name", text("Payments API")));
        return run(
                SlackDriver.formBody(Map.of("payload", SlackDriver.json(payload))),
                "application/x-www-form-urlencoded");
    }

    private Response mention() throws Exception {
        return event(Map.of(
                "type",
                "app_mention",
                "user",
                USER,
                "text",
                "<@U0DRUMBOT> who owns what?",
                "channel",
                "C0GENERAL",
                "ts",
                "1700000000.000400",
                "event_ts",
                "1700000000.000400"));
    }

    private Response event(Map<String, Object> event) throws Exception {
        Map<String, Object> envelope = Map.of(
                "type",
                "event_callback",
                "team_id",
                TEAM,
                "api_app_id",
                SlackStandIn.APP_ID,
                "event_id",
                "Ev0TEST" + System.nanoTime(),
                "event_time",
                1700000000,
                "event",
                event);
        return run(SlackDriver.json(envelope), "application/json");
    }

    private Response run(String body, String contentType) throws Exception {
        return app.run(new SlackRequestParser(app.config())
                .parse(SlackRequestParser.HttpRequest.builder()
                        .requestUri("/slack/events")
                        .queryString(Map.of())
                        .headers(new RequestHeaders(Map.of("Content-Type", List.of(contentType))))
                        .requestBody(body)
                        .remoteAddress("127.0.0.1")
                        .build()));
    }

    /** The one notice opened, as JSON. */
    private String openedNotice() {
        assertThat(slack.calls("views.open"))
                .singleElement()
                .satisfies(call -> assertThat(call.ok()).isTrue());
        String view = slack.lastOpenedView(USER).orElseThrow();
        assertThat(view).contains("test-notice", "Testing");
        return view;
    }

    private List<ILoggingEvent> errorsLogged() {
        return logged.list.stream().filter(e -> e.getLevel() == Level.ERROR).toList();
    }

    /** The reference of the one error logged, which carries the failure. */
    private String onlyLoggedReference() {
        assertThat(errorsLogged()).hasSize(1);
        ILoggingEvent error = errorsLogged().get(0);
        assertThat(error.getThrowableProxy()).isNotNull();
        Matcher reference = Pattern.compile("reference ([0-9a-f]{8})").matcher(error.getFormattedMessage());
        assertThat(reference.find())
                .as("a reference in %s", error.getFormattedMessage())
                .isTrue();
        return reference.group(1);
    }

    private static JsonNode json(Response response) throws Exception {
        return JSON.readTree(response.getBody());
    }
}
