package dev.drumbeat.sandbox.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BlockKitLimitsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_well_formed_check_in_modal_has_no_violations() throws Exception {
        Object modal = json("""
                {"type":"modal","callback_id":"checkin","title":{"type":"plain_text","text":"Weekly check-in"},
                  "submit":{"type":"plain_text","text":"Save"},"close":{"type":"plain_text","text":"Later"},
                  "blocks":[
                      {"type":"header","text":{"type":"plain_text","text":"Payroll service"}},
                      {"type":"section","text":{"type":"mrkdwn","text":"*Unit cost* 4.20 EUR"},
                        "fields":[{"type":"mrkdwn","text":"*Owner*"},{"type":"plain_text","text":"Ada"}]},
                      {"type":"input","block_id":"status","label":{"type":"plain_text","text":"Status"},
                        "element":{"type":"static_select","action_id":"status","options":[
                            {"text":{"type":"plain_text","text":"Green"},"value":"green"}]}},
                      {"type":"actions","elements":[{"type":"button","action_id":"skip",
                            "text":{"type":"plain_text","text":"Skip this week"},"value":"skip"}]}
                  ]}""");

        assertThat(BlockKitLimits.checkView(modal)).isEmpty();
    }

    @Test
    void a_message_takes_fifty_blocks_but_not_fifty_one() {
        assertThat(BlockKitLimits.checkMessage(dividers(50))).isEmpty();
        assertThat(BlockKitLimits.checkMessage(dividers(51)))
                .containsExactly("[ERROR] no more than 50 items allowed [json-pointer:/blocks]");
    }

    @Test
    void a_modal_or_home_tab_takes_a_hundred_blocks_but_not_a_hundred_and_one() {
        assertThat(BlockKitLimits.checkView(Map.of("type", "home", "blocks", dividers(100))))
                .isEmpty();
        assertThat(BlockKitLimits.checkView(Map.of("type", "home", "blocks", dividers(101))))
                .containsExactly("[ERROR] no more than 100 items allowed [json-pointer:/view/blocks]");
    }

    @Test
    void a_modal_title_of_25_characters_is_too_long() {
        Map<String, Object> modal = modal("x".repeat(25));

        assertThat(BlockKitLimits.checkView(modal))
                .containsExactly("[ERROR] must be less than 25 characters [json-pointer:/view/title/text]");
        assertThat(BlockKitLimits.checkView(modal("x".repeat(24)))).isEmpty();
    }

    @Test
    void modal_submit_and_close_are_plain_text_of_at_most_24_characters() {
        Map<String, Object> modal = modal("Check-in");
        modal.put("submit", Map.of("type", "mrkdwn", "text", "*Save*"));
        modal.put("close", plain("y".repeat(25)));

        assertThat(BlockKitLimits.checkView(modal))
                .containsExactlyInAnyOrder(
                        "[ERROR] must be plain_text, not mrkdwn [json-pointer:/view/submit/type]",
                        "[ERROR] must be less than 25 characters [json-pointer:/view/close/text]");
    }

    @Test
    void a_modal_with_an_input_block_requires_submit() {
        Map<String, Object> modal = modal("Check-in");
        modal.remove("submit");

        assertThat(BlockKitLimits.checkView(modal))
                .singleElement()
                .asString()
                .contains("input block")
                .contains("/view/submit");
    }

    @Test
    void a_modal_without_a_title_is_refused() {
        Map<String, Object> modal = modal("Check-in");
        modal.remove("title");

        assertThat(BlockKitLimits.checkView(modal))
                .singleElement()
                .asString()
                .contains("missing required field: title");
    }

    @Test
    void a_header_is_plain_text_of_at_most_150_characters() {
        var longHeader = Map.of("type", "header", "text", plain("h".repeat(151)));
        var markdownHeader = Map.of("type", "header", "text", Map.of("type", "mrkdwn", "text", "*bold*"));

        assertThat(BlockKitLimits.checkMessage(List.of(longHeader)))
                .containsExactly("[ERROR] must be less than 151 characters [json-pointer:/blocks/0/text/text]");
        assertThat(BlockKitLimits.checkMessage(List.of(markdownHeader)))
                .containsExactly("[ERROR] must be plain_text, not mrkdwn [json-pointer:/blocks/0/text/type]");
    }

    @Test
    void a_text_object_holds_at_most_3000_characters_and_at_least_one() {
        var tooLong = section(Map.of("type", "mrkdwn", "text", "t".repeat(3001)));
        var empty = section(Map.of("type", "mrkdwn", "text", ""));

        assertThat(BlockKitLimits.checkMessage(List.of(section(plain("t".repeat(3000))))))
                .isEmpty();
        assertThat(BlockKitLimits.checkMessage(List.of(tooLong)))
                .containsExactly("[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]");
        assertThat(BlockKitLimits.checkMessage(List.of(empty)))
                .containsExactly("[ERROR] must be more than 0 characters [json-pointer:/blocks/0/text/text]");
    }

    @Test
    void a_section_has_at_most_ten_fields_of_at_most_2000_characters() {
        List<Object> eleven = new ArrayList<>();
        IntStream.range(0, 11).forEach(i -> eleven.add(plain("f" + i)));
        var tooMany = Map.of("type", "section", "fields", eleven);
        var tooLong = Map.of("type", "section", "fields", List.of(plain("f".repeat(2001))));

        assertThat(BlockKitLimits.checkMessage(List.of(tooMany)))
                .containsExactly("[ERROR] no more than 10 items allowed [json-pointer:/blocks/0/fields]");
        assertThat(BlockKitLimits.checkMessage(List.of(tooLong)))
                .containsExactly("[ERROR] must be less than 2001 characters [json-pointer:/blocks/0/fields/0/text]");
    }

    @Test
    void button_text_is_plain_text_of_at_most_75_characters() {
        var longButton = Map.of("type", "button", "action_id", "a", "text", plain("b".repeat(76)));
        var markdownButton = Map.of("type", "button", "action_id", "b", "text", Map.of("type", "mrkdwn", "text", "go"));
        var actions = Map.of("type", "actions", "elements", List.of(longButton, markdownButton));

        assertThat(BlockKitLimits.checkMessage(List.of(actions)))
                .containsExactly(
                        "[ERROR] must be less than 76 characters [json-pointer:/blocks/0/elements/0/text/text]",
                        "[ERROR] must be plain_text, not mrkdwn [json-pointer:/blocks/0/elements/1/text/type]");
    }

    @Test
    void block_ids_and_action_ids_are_unique_and_at_most_255_characters() {
        var first = Map.of("type", "actions", "block_id", "row", "elements", List.of(button("ack"), button("ack")));
        var second = Map.of("type", "divider", "block_id", "row");
        var third = Map.of("type", "divider", "block_id", "r".repeat(256));

        assertThat(BlockKitLimits.checkMessage(List.of(first, second, third)))
                .containsExactly(
                        "[ERROR] must be unique within the message or view, 'ack' is repeated "
                                + "[json-pointer:/blocks/0/elements/1/action_id]",
                        "[ERROR] must be unique within the message or view, 'row' is repeated [json-pointer:/blocks/1/block_id]",
                        "[ERROR] must be less than 256 characters [json-pointer:/blocks/2/block_id]");
    }

    @Test
    void an_input_label_must_be_plain_text() {
        Map<String, Object> modal = modal("Check-in");
        modal.put(
                "blocks",
                List.of(Map.of(
                        "type",
                        "input",
                        "label",
                        Map.of("type", "mrkdwn", "text", "*Hurdle*"),
                        "element",
                        Map.of("type", "plain_text_input", "action_id", "hurdle"))));

        assertThat(BlockKitLimits.checkView(modal))
                .containsExactly("[ERROR] must be plain_text, not mrkdwn [json-pointer:/view/blocks/0/label/type]");
    }

    @Test
    void a_view_that_is_neither_modal_nor_home_is_refused() {
        assertThat(BlockKitLimits.checkView(Map.of("type", "workflow_step", "blocks", dividers(1))))
                .containsExactly("[ERROR] must be modal or home [json-pointer:/view/type]");
    }

    @Test
    void an_image_block_needs_an_absolute_http_url_and_alt_text_within_slacks_limits() {
        String url = "https://drumbeat.example.com/charts/tiers.png?team=T1&exp=1&sig=x";
        assertThat(BlockKitLimits.checkMessage(List.of(image(url, "Cost by tier"))))
                .isEmpty();

        assertThat(BlockKitLimits.checkMessage(List.of(
                        image("/charts/tiers.png", "Cost by tier"),
                        image(url + "x".repeat(3000), "x".repeat(2001)),
                        Map.of("type", "image", "image_url", url))))
                .containsExactly(
                        "[ERROR] must be an absolute http or https URL [json-pointer:/blocks/0/image_url]",
                        "[ERROR] must be less than 3001 characters [json-pointer:/blocks/1/image_url]",
                        "[ERROR] must be less than 2001 characters [json-pointer:/blocks/1/alt_text]",
                        "[ERROR] missing required field: alt_text [json-pointer:/blocks/2]");
    }

    static Map<String, Object> image(String url, String altText) {
        return Map.of("type", "image", "image_url", url, "alt_text", altText, "title", plain("Chart"));
    }

    static Map<String, Object> modal(String title) {
        Map<String, Object> modal = new HashMap<>();
        modal.put("type", "modal");
        modal.put("title", plain(title));
        modal.put("submit", plain("Save"));
        modal.put(
                "blocks",
                List.of(Map.of(
                        "type",
                        "input",
                        "label",
                        plain("Hurdle"),
                        "element",
                        Map.of("type", "plain_text_input", "action_id", "hurdle"))));
        return modal;
    }

    static Map<String, Object> plain(String text) {
        return Map.of("type", "plain_text", "text", text);
    }

    static Map<String, Object> section(Map<String, Object> text) {
        return Map.of("type", "section", "text", text);
    }

    static Map<String, Object> button(String actionId) {
        return Map.of("type", "button", "action_id", actionId, "text", plain("Acknowledge"));
    }

    static List<Object> dividers(int count) {
        return IntStream.range(0, count)
                .<Object>mapToObj(i -> Map.of("type", "divider"))
                .toList();
    }

    static Object json(String text) throws Exception {
        return JSON.readValue(text, Object.class);
    }
}
