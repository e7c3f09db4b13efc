package dev.drumbeat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    private static Map<String, String> minimal() {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", "xoxb-1-2-secretvalue");
        env.put("SLACK_SIGNING_SECRET", "shhh-signing-secret");
        return env;
    }

    @Test
    void two_variables_are_enough_and_the_rest_have_sensible_defaults() {
        Config config = new ConfigLoader(minimal()).load();
        assertThat(config.port()).isEqualTo(3000);
        assertThat(config.databaseUrl()).isEmpty();
        assertThat(config.slackApiUrl()).isEqualTo("https://slack.com/api/");
        assertThat(config.checkInDay()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(config.checkInHour()).isEqualTo(9);
        assertThat(config.currency().getCurrencyCode()).isEqualTo("USD");
        assertThat(config.publicUrl()).isEmpty();
        assertThat(config.databaseWait()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void the_wait_for_a_database_connection_is_read_in_milliseconds() {
        Map<String, String> env = minimal();
        env.put("DRUMBEAT_DATABASE_WAIT_MS", "1500");
        assertThat(new ConfigLoader(env).load().databaseWait()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void capacities_are_sized_for_bursts_unless_set() {
        assertThat(new ConfigLoader(minimal()).load().capacity()).isEqualTo(Capacity.defaults());
        Map<String, String> env = minimal();
        env.put("DRUMBEAT_HTTP_ACCEPT_QUEUE", "4096");
        env.put("DRUMBEAT_HTTP_THREADS", "128");
        env.put("DRUMBEAT_DATABASE_CONNECTIONS", "40");
        env.put("DRUMBEAT_COMMAND_WORKERS", "16");
        env.put("DRUMBEAT_COMMAND_QUEUE", "200");

        Capacity capacity = new ConfigLoader(env).load().capacity();

        assertThat(capacity).isEqualTo(new Capacity(4096, 128, 40, 16, 200, Capacity.COMMAND_PATIENCE));
        assertThatThrownBy(() -> new ConfigLoader(with("DRUMBEAT_HTTP_THREADS", "2")).load())
                .isInstanceOf(ConfigException.class)
                .hasMessage("DRUMBEAT_HTTP_THREADS is malformed: expected 8 to 1000, not 2");
        assertThatThrownBy(() -> new ConfigLoader(with("DRUMBEAT_COMMAND_WORKERS", "many")).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DRUMBEAT_COMMAND_WORKERS is malformed");
    }

    private static Map<String, String> with(String name, String value) {
        Map<String, String> env = minimal();
        env.put(name, value);
        return env;
    }

    @Test
    void a_missing_variable_is_named_in_one_line() {
        Map<String, String> env = minimal();
        env.remove("SLACK_SIGNING_SECRET");
        assertThatThrownBy(() -> new ConfigLoader(env).load())
                .isInstanceOf(ConfigException.class)
                .hasMessage("SLACK_SIGNING_SECRET is not set");
    }

    @Test
    void malformed_values_are_named_with_the_reason() {
        String[][] cases = {
            {"PORT", "eighty", "PORT is malformed"},
            {"PORT", "70000", "a port is between 0 and 65535"},
            {"SLACK_BOT_TOKEN", "xoxp-user-token", "a bot token starts with xoxb-"},
            {"DRUMBEAT_ADMINS", "U024BE7LH, alice", "'alice' is not a Slack user id"},
            {"DRUMBEAT_CURRENCY", "dollars", "DRUMBEAT_CURRENCY is malformed"},
            {"DRUMBEAT_CHECKIN_DAY", "someday", "DRUMBEAT_CHECKIN_DAY is malformed"},
            {"DRUMBEAT_CHECKIN_HOUR", "25", "an hour is between 0 and 23"},
            {"DRUMBEAT_SLACK_API_URL", "slack.local", "expected an http(s) URL"},
            {"DRUMBEAT_PUBLIC_URL", "drumbeat.example.com", "DRUMBEAT_PUBLIC_URL is malformed: expected an http(s) URL"
            },
            {"DATABASE_URL", "mysql://db/drumbeat", "DATABASE_URL is malformed: expected postgres://"},
            {"DRUMBEAT_DATABASE_WAIT_MS", "1s", "DRUMBEAT_DATABASE_WAIT_MS is malformed"},
            {"DRUMBEAT_DATABASE_WAIT_MS", "100", "is 250 to 30000 milliseconds"},
        };
        for (String[] c : cases) {
            Map<String, String> env = minimal();
            env.put(c[0], c[1]);
            assertThatThrownBy(() -> new ConfigLoader(env).load())
                    .as(c[0] + "=" + c[1])
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining(c[2])
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void a_leadership_channel_given_by_name_is_refused_with_where_to_find_its_id() {
        for (String bad : new String[] {"#leadership", "leadership", "U024BE7LH", "c0leaders"}) {
            Map<String, String> env = minimal();
            env.put("DRUMBEAT_LEADERSHIP_CHANNEL", bad);
            assertThatThrownBy(() -> new ConfigLoader(env).load())
                    .as(bad)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("DRUMBEAT_LEADERSHIP_CHANNEL is malformed: ")
                    .hasMessageContaining("channel id (C…)")
                    .hasMessageNotContaining("\n");
        }
        Map<String, String> env = minimal();
        env.put("DRUMBEAT_LEADERSHIP_CHANNEL", " C0LEADERS ");
        assertThat(new ConfigLoader(env).load().leadershipChannel()).contains("C0LEADERS");
        env.put("DRUMBEAT_LEADERSHIP_CHANNEL", "G0PRIVATE1");
        assertThat(new ConfigLoader(env).load().leadershipChannel()).contains("G0PRIVATE1");
    }

    @Test
    void a_misspelt_day_lists_the_seven_days_and_no_java_names() {
        Map<String, String> env = minimal();
        env.put("DRUMBEAT_CHECKIN_DAY", "Mondy");
        assertThatThrownBy(() -> new ConfigLoader(env).load())
                .isInstanceOf(ConfigException.class)
                .hasMessage("DRUMBEAT_CHECKIN_DAY is malformed: 'Mondy' is not a day;"
                        + " use MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY or SUNDAY");
        env.put("DRUMBEAT_CHECKIN_DAY", "friday");
        assertThat(new ConfigLoader(env).load().checkInDay()).isEqualTo(DayOfWeek.FRIDAY);
    }

    @Test
    void no_setting_is_refused_in_java_words() {
        String[][] cases = {
            {"PORT", "eighty", "PORT is malformed: 'eighty' is not a whole number"},
            {"DRUMBEAT_CHECKIN_HOUR", "nine", "DRUMBEAT_CHECKIN_HOUR is malformed: 'nine' is not a whole number"},
            {"DRUMBEAT_REMINDER_HOURS", "1.5", "DRUMBEAT_REMINDER_HOURS is malformed: '1.5' is not a whole number"},
            {"DRUMBEAT_CURRENCY", "dollars", "DRUMBEAT_CURRENCY is malformed: 'dollars' is not a currency code"},
            {"DATABASE_URL", "postgres://db host/drumbeat", "DATABASE_URL is malformed: expected"},
        };
        for (String[] c : cases) {
            Map<String, String> env = minimal();
            env.put(c[0], c[1]);
            assertThatThrownBy(() -> new ConfigLoader(env).load())
                    .as(c[0] + "=" + c[1])
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith(c[2])
                    .hasMessageNotContainingAny("java.", "For input string", "not understood", "Illegal character");
        }
    }

    @Test
    void admins_currency_and_api_url_are_read() {
        Map<String, String> env = minimal();
        env.put("DRUMBEAT_ADMINS", "U024BE7LH,W0123ABCD");
        env.put("DRUMBEAT_CURRENCY", "eur");
        env.put("DRUMBEAT_SLACK_API_URL", "http://127.0.0.1:9000/api");
        env.put("DRUMBEAT_PUBLIC_URL", "https://drumbeat.example.com");
        Config config = new ConfigLoader(env).load();
        assertThat(config.admins()).containsExactlyInAnyOrder("U024BE7LH", "W0123ABCD");
        assertThat(config.currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(config.slackApiUrl()).isEqualTo("http://127.0.0.1:9000/api/");
        assertThat(config.publicUrl()).contains("https://drumbeat.example.com/");
    }

    @Test
    void printing_the_config_never_shows_the_secrets() {
        String printed = new ConfigLoader(minimal()).load().toString();
        assertThat(printed).doesNotContain("secretvalue", "shhh-signing-secret");
    }
}
