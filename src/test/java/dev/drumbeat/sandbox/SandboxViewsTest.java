package dev.drumbeat.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A modal submitted from the sandbox page carries view.state as Slack's does. */
class SandboxViewsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SlackUser GRACE =
            SlackUser.of("T0DRUMBEAT", "U0NWB01GO", "grace.okafor").withTriggers(user -> "1700000000.1.abcdef");

    @Test
    void every_ticked_checkbox_is_sent_with_its_own_text() throws Exception {
        JsonNode view = JSON.readTree("""
                {"id": "V1", "type": "modal", "callback_id": "form", "blocks": [{"type": "input", "block_id": "days",
                  "label": {"type": "plain_text", "text": "Days"},
                  "element": {"type": "checkboxes", "action_id": "days", "options": [
                    {"text": {"type": "plain_text", "text": "Monday"}, "value": "mon"},
                    {"text": {"type": "plain_text", "text": "Tuesday"}, "value": "tue"},
                    {"text": {"type": "plain_text", "text": "Friday"}, "value": "fri"}]}}]}""");

        Map<String, Object> payload =
                SandboxViews.submission("T0DRUMBEAT", GRACE, view, JSON.readTree("{\"days\": [\"mon\", \"fri\"]}"));

        JsonNode ticked = JSON.valueToTree(payload)
                .path("view")
                .path("state")
                .path("values")
                .path("days")
                .path("days")
                .path("selected_options");
        assertThat(ticked).hasSize(2);
        assertThat(ticked.get(0).path("value").asText()).isEqualTo("mon");
        assertThat(ticked.get(1).path("text").path("text").asText()).isEqualTo("Friday");
    }
}
