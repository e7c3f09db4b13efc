package dev.drumbeat.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.util.json.GsonFactory;
import dev.drumbeat.sandbox.standin.SlackStandIn;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The block_actions payloads the sandbox page sends carry the fields Slack's do, and Bolt reads them. */
class SandboxBlockActionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SlackUser GRACE =
            SlackUser.of("T0DRUMBEAT", "U0NWB01GO", "grace.okafor").withTriggers(user -> "1700000000.1.abcdef");
    private static final SandboxMessage POSTED = new SandboxMessage(
            "C0LEADERS",
            "1700000000.000100",
            null,
            SlackStandIn.BOT_USER_ID,
            "bot",
            "An escalation",
            List.of(Map.of("type", "divider")),
            null,
            false,
            false);

    private static JsonNode payload(String click, Optional<SandboxMessage> message) throws Exception {
        Map<String, Object> payload = SandboxBlockActions.payload(
                "T0DRUMBEAT",
                GRACE,
                JSON.readTree(click),
                message,
                "1700000001.000200",
                "http://127.0.0.1:1/respond/test");
        return JSON.valueToTree(payload);
    }

    private static BlockActionPayload asBoltReadsIt(JsonNode payload) {
        return GsonFactory.createSnakeCase().fromJson(payload.toString(), BlockActionPayload.class);
    }

    @Test
    void a_static_select_in_a_message_sends_the_selected_option_with_its_container_channel_and_message()
            throws Exception {
        JsonNode payload = payload("""
                {"actionId": "esc-pick:7", "blockId": "b1", "type": "static_select",
                 "selected": {"value": "snooze-2w", "text": "Two weeks"}, "channel": "C0LEADERS", "ts": "1700000000.000100"}""", Optional.of(POSTED));

        JsonNode action = payload.path("actions").get(0);
        assertThat(action.path("type").asText()).isEqualTo("static_select");
        assertThat(action.path("action_id").asText()).isEqualTo("esc-pick:7");
        assertThat(action.path("block_id").asText()).isEqualTo("b1");
        assertThat(action.path("action_ts").asText()).isEqualTo("1700000001.000200");
        assertThat(action.path("selected_option").path("value").asText()).isEqualTo("snooze-2w");
        assertThat(action.path("selected_option").path("text").path("text").asText())
                .isEqualTo("Two weeks");
        assertThat(payload.path("type").asText()).isEqualTo("block_actions");
        assertThat(payload.path("container").path("type").asText()).isEqualTo("message");
        assertThat(payload.path("container").path("message_ts").asText()).isEqualTo("1700000000.000100");
        assertThat(payload.path("container").path("channel_id").asText()).isEqualTo("C0LEADERS");
        assertThat(payload.path("container").path("is_ephemeral").asBoolean(true))
                .isFalse();
        assertThat(payload.path("channel").path("id").asText()).isEqualTo("C0LEADERS");
        assertThat(payload.path("message").path("ts").asText()).isEqualTo("1700000000.000100");
        assertThat(payload.path("message").path("bot_id").asText()).isEqualTo(SlackStandIn.BOT_ID);
        assertThat(payload.path("response_url").asText()).isEqualTo("http://127.0.0.1:1/respond/test");
        assertThat(payload.path("trigger_id").asText()).isEqualTo("1700000000.1.abcdef");
        assertThat(payload.path("user").path("id").asText()).isEqualTo("U0NWB01GO");

        BlockActionPayload read = asBoltReadsIt(payload);
        assertThat(read.getActions().get(0).getSelectedOption().getValue()).isEqualTo("snooze-2w");
        assertThat(read.getContainer().getMessageTs()).isEqualTo("1700000000.000100");
        assertThat(read.getMessage().getTs()).isEqualTo("1700000000.000100");
    }

    @Test
    void a_users_select_sends_the_selected_user() throws Exception {
        JsonNode payload = payload("""
                {"actionId": "owner", "blockId": "b2", "type": "users_select", "selectedUser": "U0NWB05AK",
                 "channel": "C0LEADERS", "ts": "1700000000.000100"}""", Optional.of(POSTED));

        JsonNode action = payload.path("actions").get(0);
        assertThat(action.path("type").asText()).isEqualTo("users_select");
        assertThat(action.path("selected_user").asText()).isEqualTo("U0NWB05AK");
        assertThat(action.has("selected_option")).isFalse();
        assertThat(asBoltReadsIt(payload).getActions().get(0).getSelectedUser()).isEqualTo("U0NWB05AK");
    }

    @Test
    void an_overflow_menu_choice_in_an_ephemeral_message_sends_the_option_and_no_message() throws Exception {
        SandboxMessage ephemeral =
                SandboxMessage.answer("D0NWB01GO", "1700000000.000300", "U0NWB01GO", "Your services", List.of(), false);
        JsonNode payload = payload("""
                {"actionId": "more", "blockId": "b3", "type": "overflow", "selected": {"value": "edit", "text": "Edit"},
                 "channel": "D0NWB01GO", "ts": "1700000000.000300"}""", Optional.of(ephemeral));

        JsonNode action = payload.path("actions").get(0);
        assertThat(action.path("type").asText()).isEqualTo("overflow");
        assertThat(action.path("selected_option").path("value").asText()).isEqualTo("edit");
        assertThat(payload.path("container").path("is_ephemeral").asBoolean()).isTrue();
        assertThat(payload.path("channel").path("name").asText()).isEqualTo("directmessage");
        assertThat(payload.has("message"))
                .as("Slack leaves the message out for an ephemeral one")
                .isFalse();
        assertThat(asBoltReadsIt(payload)
                        .getActions()
                        .get(0)
                        .getSelectedOption()
                        .getValue())
                .isEqualTo("edit");
    }

    @Test
    void a_button_in_a_modal_names_the_view_as_its_container_and_sends_the_view() throws Exception {
        JsonNode payload = payload("""
                {"actionId": "add-kpi", "blockId": "b4", "type": "button", "value": "42", "text": "Add a KPI",
                 "view": {"id": "V0000000007", "type": "modal", "hash": "1.00000001", "callback_id": "service-form",
                          "state": {"values": {}}}}""", Optional.empty());

        assertThat(payload.path("container").path("type").asText()).isEqualTo("view");
        assertThat(payload.path("container").path("view_id").asText()).isEqualTo("V0000000007");
        assertThat(payload.path("view").path("callback_id").asText()).isEqualTo("service-form");
        assertThat(payload.has("response_url")).isFalse();
        assertThat(payload.has("channel")).isFalse();
        JsonNode action = payload.path("actions").get(0);
        assertThat(action.path("value").asText()).isEqualTo("42");
        assertThat(action.path("text").path("text").asText()).isEqualTo("Add a KPI");
        assertThat(asBoltReadsIt(payload).getView().getId()).isEqualTo("V0000000007");
    }

    @Test
    void a_block_sent_without_an_id_gets_one_made_up_as_slack_does() throws Exception {
        String click = """
                {"actionId": "checkin-open:crm", "blockId": "", "type": "button", "value": "crm", "text": "Check in",
                 "channel": "C0LEADERS", "ts": "1700000000.000100"}""";

        String blockId = payload(click, Optional.of(POSTED))
                .path("actions")
                .get(0)
                .path("block_id")
                .asText();

        assertThat(blockId)
                .isNotBlank()
                .isEqualTo(payload(click, Optional.of(POSTED))
                        .path("actions")
                        .get(0)
                        .path("block_id")
                        .asText());
    }

    @Test
    void a_button_without_a_value_sends_none_and_the_channel_goes_by_its_name() throws Exception {
        JsonNode payload = payload("""
                {"actionId": "esc-ack:7", "blockId": "b1", "type": "button", "style": "primary", "text": "Acknowledge",
                 "channel": "C0PAYMENTS", "ts": "1700000000.000100"}""", Optional.of(POSTED));
        JsonNode action = payload.path("actions").get(0);

        assertThat(action.has("value"))
                .as("Slack leaves out a value the app never set")
                .isFalse();
        assertThat(action.path("style").asText()).isEqualTo("primary");
        assertThat(payload.path("channel").path("name").asText()).isEqualTo("payments");
    }
}
