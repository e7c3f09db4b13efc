package dev.drumbeat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Prometheus's address is shown wherever a measurement fails (check-in hints, `/drumbeat sources`, the card), so it
 * must hold no secret: credentials in it are refused, naming the settings they belong in.
 */
class PrometheusUrlConfigTest {

    private static Map<String, String> withUrl(String url) {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", "xoxb-1-2-secretvalue");
        env.put("SLACK_SIGNING_SECRET", "shhh-signing-secret");
        env.put("DRUMBEAT_PROMETHEUS_URL", url);
        return env;
    }

    @Test
    void a_plain_address_is_taken_with_a_slash_at_its_end() {
        Monitoring monitoring = new ConfigLoader(withUrl("https://prom.example.com/api/prom"))
                .load()
                .monitoring();

        assertThat(monitoring.url())
                .hasValueSatisfying(url -> assertThat(url.toString()).isEqualTo("https://prom.example.com/api/prom/"));
    }

    @Test
    void a_password_in_the_address_is_refused_and_never_repeated() {
        assertThatThrownBy(() -> new ConfigLoader(withUrl("https://drumbeat:s3cr3t-pw@prom.example.com/")).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DRUMBEAT_PROMETHEUS_URL is malformed")
                .hasMessageContaining("DRUMBEAT_PROMETHEUS_PASSWORD")
                .message()
                .doesNotContain("s3cr3t-pw");
    }

    @Test
    void a_token_in_the_query_string_is_refused() {
        assertThatThrownBy(() -> new ConfigLoader(withUrl("https://prom.example.com/?token=abc")).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("query")
                .message()
                .doesNotContain("abc");
    }
}
