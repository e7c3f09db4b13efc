package dev.drumbeat.sandbox.standin;

import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.users.UsersListResponse;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.User;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SlackStandInTest {

    static final String TOKEN = "xoxb-drumbeat-test";
    static final Set<String> SCOPES = Set.of("chat:write", "im:write", "users:read", "commands");

    final TestClock clock = new TestClock(Instant.parse("2024-11-26T14:00:00Z"));
    SlackStandIn standIn;
    Slack slack;
    MethodsClient methods;

    @BeforeEach
    void start() {
        standIn = SlackStandIn.start(0, TOKEN, SCOPES, clock);
        slack = slackFor(standIn);
        methods = slack.methods(TOKEN);
    }

    @AfterEach
    void stop() throws Exception {
        slack.close();
        standIn.close();
    }

    @Nested
    class Contract {

        @Test
        void api_url_points_at_the_local_port_and_ends_with_a_slash() {
            assertThat(standIn.apiUrl()).isEqualTo("http://127.0.0.1:" + standIn.port() + "/api/");
            assertThat(standIn.port()).isPositive();
        }

        @Test
        void a_call_without_a_token_is_answered_not_authed() throws Exception {
            HttpResponse<String> response = postForm("chat.postMessage", "channel=C1&text=hi", null);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"ok\":false").contains("\"error\":\"not_authed\"");
            assertThat(standIn.calls()).singleElement().satisfies(call -> {
                assertThat(call.ok()).isFalse();
                assertThat(call.error()).isEqualTo("not_authed");
            });
        }

        @Test
        void a_wrong_token_is_answered_invalid_auth() throws Exception {
            var response = slack.methods("xoxb-someone-else")
                    .chatPostMessage(r -> r.channel("C1").text("hi"));

            assertThat(response.getError()).isEqualTo("invalid_auth");
            assertThat(standIn.messages("C1")).isEmpty();
        }

        @Test
        void a_token_form_field_is_accepted_like_the_bearer_header() throws Exception {
            HttpResponse<String> response = postForm("auth.test", "token=" + TOKEN, null);

            assertThat(response.body()).contains("\"ok\":true").contains("\"team_id\":\"T0DRUMBEAT\"");
        }

        @Test
        void an_unknown_method_is_answered_unknown_method_with_http_200_and_recorded() throws Exception {
            HttpResponse<String> response = postForm("chat.postMesage", "channel=C1&text=hi", TOKEN);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"error\":\"unknown_method\"");
            assertThat(standIn.calls("chat.postMesage"))
                    .singleElement()
                    .satisfies(call -> assertThat(call.args()).containsEntry("channel", "C1"));
        }

        @Test
        void missing_scope_is_answered_when_manifest_lacks_it() throws Exception {
            try (SlackStandIn narrow = SlackStandIn.start(TOKEN, Set.of("users:read", "commands"));
                    Slack narrowSlack = slackFor(narrow)) {
                var response = narrowSlack
                        .methods(TOKEN)
                        .chatPostMessage(r -> r.channel("C1").text("hi"));

                assertThat(response.getError()).isEqualTo("missing_scope");
                assertThat(response.getNeeded()).isEqualTo("chat:write");
                assertThat(response.getProvided()).isEqualTo("commands,users:read");
                assertThat(narrow.messages("C1")).isEmpty();
            }
        }

        @Test
        void post_message_without_channel_is_answered_channel_not_found() throws Exception {
            assertThat(methods.chatPostMessage(r -> r.text("hi")).getError()).isEqualTo("channel_not_found");
        }

        @Test
        void post_message_with_neither_text_nor_blocks_is_answered_no_text() throws Exception {
            assertThat(methods.chatPostMessage(r -> r.channel("C1")).getError()).isEqualTo("no_text");
        }

        @Test
        void views_open_without_a_view_is_answered_invalid_arguments() throws Exception {
            String trigger = standIn.registerTrigger("U1");
            ViewsOpenResponse response = methods.viewsOpen(r -> r.triggerId(trigger));

            assertThat(response.getError()).isEqualTo("invalid_arguments");
            assertThat(response.getResponseMetadata().getMessages()).anyMatch(message -> message.contains("view"));
        }

        @Test
        void users_info_without_a_user_is_answered_user_not_found() throws Exception {
            assertThat(methods.usersInfo(r -> r).getError()).isEqualTo("user_not_found");
        }

        @Test
        void fifty_one_blocks_are_answered_invalid_blocks_and_not_posted() throws Exception {
            List<LayoutBlock> blocks = new ArrayList<>();
            IntStream.range(0, 51).forEach(i -> blocks.add(section(s -> s.text(markdownText("line " + i)))));

            ChatPostMessageResponse response =
                    methods.chatPostMessage(r -> r.channel("C1").text("many").blocks(blocks));

            assertThat(response.getError()).isEqualTo("invalid_blocks");
            assertThat(response.getResponseMetadata().getMessages())
                    .singleElement()
                    .asString()
                    .contains("no more than 50 items")
                    .contains("/blocks");
            assertThat(standIn.messages("C1")).isEmpty();
        }

        @Test
        void a_modal_title_of_25_characters_is_answered_invalid_arguments() throws Exception {
            View modal = modal("A title of 25 characters.", "Save");

            ViewsOpenResponse response = methods.viewsOpen(
                    r -> r.triggerId(standIn.registerTrigger("U1")).view(modal));

            assertThat(response.getError()).isEqualTo("invalid_arguments");
            assertThat(response.getResponseMetadata().getMessages())
                    .containsExactly("[ERROR] must be less than 25 characters [json-pointer:/view/title/text]");
            assertThat(standIn.lastOpenedView("U1")).isEmpty();
        }

        @Test
        void a_json_body_with_a_bearer_token_is_read_like_a_form() throws Exception {
            HttpResponse<String> response =
                    send(HttpRequest.newBuilder(URI.create(standIn.apiUrl() + "chat.postMessage"))
                            .header("Content-Type", "application/json; charset=utf-8")
                            .header("Authorization", "Bearer " + TOKEN)
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"channel\":\"C9\",\"text\":\"hi\",\"blocks\":[{\"type\":\"divider\"}]}")));

            assertThat(response.body()).contains("\"ok\":true");
            assertThat(standIn.messages("C9"))
                    .singleElement()
                    .satisfies(message -> assertThat(message.blocks()).isEqualTo(List.of(Map.of("type", "divider"))));
        }

        @Test
        void a_get_with_query_arguments_is_read_like_a_post() throws Exception {
            standIn.addUser("U1", "ada", "Ada Lovelace", "UTC", 0, false);

            HttpResponse<String> response =
                    send(HttpRequest.newBuilder(URI.create(standIn.apiUrl() + "users.info?user=U1"))
                            .header("Authorization", "Bearer " + TOKEN)
                            .GET());

            assertThat(response.body()).contains("\"ok\":true").contains("\"real_name\":\"Ada Lovelace\"");
        }

        @Test
        void a_json_body_is_not_read_by_a_method_that_takes_only_forms() throws Exception {
            standIn.addUser("U1", "ada", "Ada Lovelace", "UTC", 0, false);

            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(standIn.apiUrl() + "users.info"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"U1\"}")));

            assertThat(response.body()).contains("\"error\":\"user_not_found\"");
        }
    }

    @Nested
    class Messages {

        @Test
        void post_message_answers_channel_and_increasing_ts_and_keeps_the_message() throws Exception {
            ChatPostMessageResponse first =
                    methods.chatPostMessage(r -> r.channel("C1").text("héllo ✓"));
            ChatPostMessageResponse second =
                    methods.chatPostMessage(r -> r.channel("C1").text("again"));

            assertThat(first.isOk()).isTrue();
            assertThat(first.getChannel()).isEqualTo("C1");
            assertThat(first.getTs()).matches("\\d{10}\\.\\d{6}").startsWith("1732629600.");
            assertThat(second.getTs()).isGreaterThan(first.getTs());
            assertThat(first.getMessage().getText()).isEqualTo("héllo ✓");
            assertThat(standIn.messages("C1"))
                    .extracting(SlackStandInMessage::text)
                    .containsExactly("héllo ✓", "again");
        }

        @Test
        void blocks_sent_as_a_form_json_string_are_recorded_parsed() throws Exception {
            methods.chatPostMessage(r -> r.channel("C1")
                    .text("fallback")
                    .blocks(asBlocks(section(s -> s.blockId("b1").text(markdownText("*hi*"))))));

            SlackStandInCall call = standIn.calls("chat.postMessage").get(0);
            assertThat(call.ok()).isTrue();
            assertThat(call.args()).doesNotContainKey("token");
            assertThat(call.args().get("blocks"))
                    .asInstanceOf(LIST)
                    .singleElement()
                    .asInstanceOf(MAP)
                    .containsEntry("block_id", "b1");
        }

        @Test
        void posting_to_a_user_id_lands_in_the_same_dm_that_conversations_open_returns() throws Exception {
            String dm = methods.conversationsOpen(r -> r.users(List.of("U42")))
                    .getChannel()
                    .getId();
            ChatPostMessageResponse posted =
                    methods.chatPostMessage(r -> r.channel("U42").text("your check-in"));

            assertThat(dm).startsWith("D");
            assertThat(posted.getChannel()).isEqualTo(dm);
            assertThat(standIn.messages(dm))
                    .extracting(SlackStandInMessage::text)
                    .containsExactly("your check-in");
        }

        @Test
        void conversations_open_returns_the_same_dm_for_the_same_person() throws Exception {
            var first = methods.conversationsOpen(r -> r.users(List.of("U42")));
            var again = methods.conversationsOpen(r -> r.users(List.of("U42")));
            var other = methods.conversationsOpen(r -> r.users(List.of("U43")));

            assertThat(again.getChannel().getId()).isEqualTo(first.getChannel().getId());
            assertThat(again.isAlreadyOpen()).isTrue();
            assertThat(other.getChannel().getId())
                    .isNotEqualTo(first.getChannel().getId());
        }

        @Test
        void conversations_open_with_a_deactivated_person_is_answered_user_disabled() throws Exception {
            standIn.addUser("U9", "gone", "Gone Person", "UTC", 0, true);

            assertThat(methods.conversationsOpen(r -> r.users(List.of("U9"))).getError())
                    .isEqualTo("user_disabled");
        }

        @Test
        void chat_update_edits_the_message_in_place() throws Exception {
            String ts =
                    methods.chatPostMessage(r -> r.channel("C1").text("draft")).getTs();
            methods.chatPostMessage(r -> r.channel("C1").text("later"));

            var updated = methods.chatUpdate(r -> r.channel("C1").ts(ts).text("final"));

            assertThat(updated.isOk()).isTrue();
            assertThat(updated.getTs()).isEqualTo(ts);
            assertThat(standIn.messages("C1"))
                    .extracting(SlackStandInMessage::text, SlackStandInMessage::edited)
                    .containsExactly(tuple("final", true), tuple("later", false));
        }

        @Test
        void chat_update_of_an_unknown_ts_is_answered_message_not_found() throws Exception {
            var response = methods.chatUpdate(
                    r -> r.channel("C1").ts("1732629600.999999").text("x"));

            assertThat(response.getError()).isEqualTo("message_not_found");
        }

        @Test
        void chat_delete_removes_the_message() throws Exception {
            String ts =
                    methods.chatPostMessage(r -> r.channel("C1").text("oops")).getTs();

            assertThat(methods.chatDelete(r -> r.channel("C1").ts(ts)).isOk()).isTrue();
            assertThat(standIn.messages("C1")).isEmpty();
            assertThat(methods.chatDelete(r -> r.channel("C1").ts(ts)).getError())
                    .isEqualTo("message_not_found");
        }

        @Test
        void an_ephemeral_message_is_kept_for_its_one_reader() throws Exception {
            var response =
                    methods.chatPostEphemeral(r -> r.channel("C1").user("U7").text("only you"));

            assertThat(response.getMessageTs()).isNotBlank();
            assertThat(standIn.conversations()).containsOnlyKeys("C1");
            assertThat(standIn.messages("C1")).singleElement().satisfies(message -> {
                assertThat(message.ephemeral()).isTrue();
                assertThat(message.user()).isEqualTo("U7");
            });
        }

        @Test
        void concurrent_posts_all_land_with_unique_timestamps() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<String>> posted = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                String text = "m" + i;
                posted.add(pool.submit(() ->
                        methods.chatPostMessage(r -> r.channel("C1").text(text)).getTs()));
            }
            Set<String> timestamps = new HashSet<>();
            for (Future<String> ts : posted) {
                timestamps.add(ts.get());
            }
            pool.shutdown();

            assertThat(timestamps).hasSize(80);
            assertThat(standIn.messages("C1")).hasSize(80);
            assertThat(standIn.calls("chat.postMessage")).hasSize(80);
        }
    }

    @Nested
    class Views {

        @Test
        void views_open_answers_a_view_id_and_remembers_the_modal_for_the_trigger_owner() throws Exception {
            ViewsOpenResponse response = methods.viewsOpen(
                    r -> r.triggerId(standIn.registerTrigger("U1")).view(modal("Weekly check-in", "Save")));

            assertThat(response.isOk()).isTrue();
            assertThat(response.getView().getId()).startsWith("V");
            assertThat(response.getView().getTitle().getText()).isEqualTo("Weekly check-in");
            assertThat(standIn.lastOpenedView("U1"))
                    .get()
                    .asString()
                    .contains(response.getView().getId())
                    .contains("Weekly check-in");
            assertThat(standIn.lastOpenedView("U2")).isEmpty();
        }

        @Test
        void an_expired_trigger_id_is_answered_expired_trigger_id() throws Exception {
            String trigger = standIn.registerTrigger("U1");
            clock.advance(Duration.ofMillis(3001));

            ViewsOpenResponse response =
                    methods.viewsOpen(r -> r.triggerId(trigger).view(modal("Check-in", "Save")));

            assertThat(response.getError()).isEqualTo("expired_trigger_id");
        }

        @Test
        void a_trigger_id_still_works_just_before_three_seconds() throws Exception {
            String trigger = standIn.registerTrigger("U1");
            clock.advance(Duration.ofMillis(2999));

            assertThat(methods.viewsOpen(r -> r.triggerId(trigger).view(modal("Check-in", "Save")))
                            .isOk())
                    .isTrue();
        }

        @Test
        void a_trigger_id_works_once_and_an_unknown_one_is_invalid() throws Exception {
            String trigger = standIn.registerTrigger("U1");
            methods.viewsOpen(r -> r.triggerId(trigger).view(modal("Check-in", "Save")));

            var again = methods.viewsOpen(r -> r.triggerId(trigger).view(modal("Check-in", "Save")));
            var unknown =
                    methods.viewsOpen(r -> r.triggerId("12345.98765.abcdef").view(modal("Check-in", "Save")));

            assertThat(again.getError()).isEqualTo("exchanged_trigger_id");
            assertThat(unknown.getError()).isEqualTo("invalid_trigger_id");
        }

        @Test
        void views_update_replaces_the_modal_and_keeps_its_id() throws Exception {
            String id = methods.viewsOpen(
                            r -> r.triggerId(standIn.registerTrigger("U1")).view(modal("Check-in", "Save")))
                    .getView()
                    .getId();

            var updated = methods.viewsUpdate(r -> r.viewId(id).view(modal("Check-in saved", "Done")));

            assertThat(updated.getView().getId()).isEqualTo(id);
            assertThat(standIn.lastOpenedView("U1")).get().asString().contains("Check-in saved");
            assertThat(methods.viewsUpdate(r -> r.viewId("VNOPE").view(modal("x", "y")))
                            .getError())
                    .isEqualTo("not_found");
        }

        @Test
        void views_push_stacks_a_modal_on_the_one_open() throws Exception {
            String first = methods.viewsOpen(
                            r -> r.triggerId(standIn.registerTrigger("U1")).view(modal("Check-in", "Save")))
                    .getView()
                    .getId();

            var pushed = methods.viewsPush(
                    r -> r.triggerId(standIn.registerTrigger("U1")).view(modal("KPI detail", "Save")));

            assertThat(pushed.getView().getPreviousViewId()).isEqualTo(first);
            assertThat(pushed.getView().getRootViewId()).isEqualTo(first);
            assertThat(standIn.lastOpenedView("U1")).get().asString().contains("KPI detail");
        }

        @Test
        void views_publish_keeps_a_home_tab_per_person() throws Exception {
            View home = view(v -> v.type("home").blocks(asBlocks(section(s -> s.text(markdownText("*My services*"))))));

            var published = methods.viewsPublish(r -> r.userId("U1").view(home));

            assertThat(published.isOk()).isTrue();
            assertThat(standIn.homeView("U1")).get().asString().contains("My services");
            assertThat(standIn.homeView("U2")).isEmpty();
            assertThat(standIn.lastOpenedView("U1")).isEmpty();
        }
    }

    @Nested
    class People {

        @Test
        void auth_test_answers_the_sandbox_team_and_the_bot() throws Exception {
            var response = methods.authTest(r -> r);

            assertThat(response.getTeamId()).isEqualTo("T0DRUMBEAT");
            assertThat(response.getUserId()).isEqualTo(SlackStandIn.BOT_USER_ID);
            assertThat(response.getBotId()).isEqualTo(SlackStandIn.BOT_ID);
        }

        @Test
        void users_info_answers_the_person_with_time_zone_and_profile() throws Exception {
            standIn.addUser("U1", "ada", "Ada Lovelace", "Europe/London", 0, false);
            standIn.addUser("U2", "bob", "Bob Gone", "America/New_York", -18000, true);

            User ada = methods.usersInfo(r -> r.user("U1")).getUser();
            User bob = methods.usersInfo(r -> r.user("U2")).getUser();

            assertThat(ada.getRealName()).isEqualTo("Ada Lovelace");
            assertThat(ada.getTz()).isEqualTo("Europe/London");
            assertThat(ada.getProfile().getRealName()).isEqualTo("Ada Lovelace");
            assertThat(bob.isDeleted()).isTrue();
            assertThat(bob.getTzOffset()).isEqualTo(-18000);
            assertThat(methods.usersInfo(r -> r.user("U404")).getError()).isEqualTo("user_not_found");
        }

        @Test
        void users_list_pages_with_limit_and_cursor() throws Exception {
            standIn.addUser("U1", "ada", "Ada", "UTC", 0, false);
            standIn.addUser("U2", "bob", "Bob", "UTC", 0, false);
            standIn.addUser("U3", "cy", "Cy", "UTC", 0, false);

            UsersListResponse first = methods.usersList(r -> r.limit(2));
            String cursor = first.getResponseMetadata().getNextCursor();
            UsersListResponse last = methods.usersList(r -> r.limit(2).cursor(cursor));

            assertThat(first.getMembers()).extracting(User::getId).containsExactly("U1", "U2");
            assertThat(cursor).isNotBlank();
            assertThat(last.getMembers()).extracting(User::getId).containsExactly("U3");
            assertThat(last.getResponseMetadata().getNextCursor()).isEmpty();
            assertThat(methods.usersList(r -> r.cursor("bm9wZQ==")).getError()).isEqualTo("invalid_cursor");
        }

        @Test
        void manifest_scopes_are_read_from_the_bot_manifest_in_the_repo() {
            assertThat(SlackStandIn.manifestScopes()).contains("commands", "users:read", "app_mentions:read");
        }
    }

    @Nested
    class Failures {

        @Test
        void a_429_with_retry_after_is_answered_once_then_the_call_succeeds() throws Exception {
            standIn.failNext("chat.postMessage", 429, 7);

            assertThatThrownBy(
                            () -> methods.chatPostMessage(r -> r.channel("C1").text("hi")))
                    .isInstanceOfSatisfying(SlackApiException.class, e -> {
                        assertThat(e.getResponse().code()).isEqualTo(429);
                        assertThat(e.getResponse().header("Retry-After")).isEqualTo("7");
                        assertThat(e.getError().getError()).isEqualTo("ratelimited");
                    });
            assertThat(methods.chatPostMessage(r -> r.channel("C1").text("hi")).isOk())
                    .isTrue();
            assertThat(standIn.calls("chat.postMessage"))
                    .extracting(SlackStandInCall::error)
                    .containsExactly("ratelimited", null);
        }

        @Test
        void fail_always_answers_the_status_until_recovered() throws Exception {
            standIn.failAlways("users.info", 500);

            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> methods.usersInfo(r -> r.user("U1")))
                        .isInstanceOfSatisfying(
                                SlackApiException.class,
                                e -> assertThat(e.getResponse().code()).isEqualTo(500));
            }
            standIn.recover("users.info");
            assertThat(methods.usersInfo(r -> r.user("U1")).getError()).isEqualTo("user_not_found");
        }

        @Test
        void clear_forgets_calls_and_injected_failures() throws Exception {
            standIn.failAlways("auth.test", 503);
            assertThatThrownBy(() -> methods.authTest(r -> r)).isInstanceOf(SlackApiException.class);

            standIn.clear();

            assertThat(standIn.calls()).isEmpty();
            assertThat(methods.authTest(r -> r).isOk()).isTrue();
        }

        @Test
        void reset_forgets_messages_views_people_triggers_and_failures_as_if_new() throws Exception {
            String lastTs =
                    methods.chatPostMessage(r -> r.channel("C1").text("before")).getTs();
            methods.viewsOpen(r -> r.triggerId(standIn.registerTrigger("U1")).view(modal("Check in", "Save")));
            String unused = standIn.registerTrigger("U1");
            standIn.addUser("U9", "gone", "Gone Person", "UTC", 0, true);
            standIn.failAlways("auth.test", 503);
            standIn.enforceRateLimits(1, 1);

            standIn.reset();

            assertThat(standIn.calls()).isEmpty();
            assertThat(standIn.conversations()).isEmpty();
            assertThat(standIn.lastOpenedView("U1")).isEmpty();
            assertThat(methods.viewsOpen(r -> r.triggerId(unused).view(modal("Check in", "Save")))
                            .getError())
                    .isEqualTo("invalid_trigger_id");
            assertThat(methods.usersInfo(r -> r.user("U9")).getError()).isEqualTo("user_not_found");
            assertThat(methods.authTest(r -> r).isOk()).isTrue();
            for (int i = 0; i < 3; i++) {
                assertThat(methods.chatPostMessage(r -> r.channel("C1").text("after"))
                                .isOk())
                        .as("no rate limit")
                        .isTrue();
            }
            assertThat(standIn.rateLimitedCount()).isZero();
            assertThat(standIn.messages("C1").get(0).ts())
                    .as("timestamps go on")
                    .isGreaterThan(lastTs);
        }
    }

    static View modal(String title, String submit) {
        return view(v -> v.type("modal")
                .title(viewTitle(t -> t.type("plain_text").text(title)))
                .submit(viewSubmit(s -> s.type("plain_text").text(submit)))
                .blocks(asBlocks(input(i -> i.blockId("hurdle")
                        .label(plainText("Hurdle"))
                        .element(plainTextInput(p -> p.actionId("hurdle_text")))))));
    }

    static Slack slackFor(SlackStandIn standIn) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(standIn.apiUrl());
        return Slack.getInstance(config);
    }

    HttpResponse<String> postForm(String method, String form, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(standIn.apiUrl() + method))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A clock the test moves by hand, so trigger expiry needs no sleeping. */
    static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
