package dev.drumbeat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.drumbeat.measure.Measurer;
import dev.drumbeat.prometheus.Measurement;
import dev.drumbeat.support.PrometheusServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DRUMBEAT_PROMETHEUS_* settings as an operator sets them, read by {@link ConfigLoader} and used through
 * {@link Measurer#of}: a real Prometheus behind basic auth read with the user and password, refused with wrong ones
 * without the message showing them, a bearer token sent as such, and settings that cannot work refused at start.
 */
class PrometheusSettingsTest {
    static final Instant START = Instant.parse("2025-01-06T00:00:00Z");
    static final Instant END = START.plus(Duration.ofDays(1));
    static final String USER = "drumbeat";
    static final String PASSWORD = "correct-horse-battery-staple";

    @TempDir
    static Path dir;

    static PrometheusServer prometheus;

    @BeforeAll
    static void prometheusBehindBasicAuth() {
        StringBuilder om = new StringBuilder("# TYPE availability gauge\n");
        for (Instant t = START; t.isBefore(END); t = t.plus(Duration.ofMinutes(5))) {
            om.append("availability{service=\"payments\"} 99.95 ")
                    .append(t.getEpochSecond())
                    .append('\n');
        }
        om.append("# EOF\n");
        prometheus = PrometheusServer.startBehindBasicAuth(dir, om.toString(), USER, PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    private static Map<String, String> minimal() {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", "xoxb-1-2-secretvalue");
        env.put("SLACK_SIGNING_SECRET", "shhh-signing-secret");
        return env;
    }

    private static Map<String, String> prometheus(String... namesAndValues) {
        Map<String, String> env = minimal();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            env.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return env;
    }

    private static Measurement measured(Map<String, String> env) {
        Monitoring monitoring = new ConfigLoader(env).load().monitoring();
        return Measurer.of(monitoring).measure("availability{service=\"payments\"}", START, END.minusSeconds(60));
    }

    @Test
    void prometheus_behind_basic_auth_is_read_with_the_user_and_password() {
        Measurement measured = measured(prometheus(
                "DRUMBEAT_PROMETHEUS_URL", prometheus.url().toString(),
                "DRUMBEAT_PROMETHEUS_USER", USER,
                "DRUMBEAT_PROMETHEUS_PASSWORD", PASSWORD));

        assertThat(measured)
                .isInstanceOfSatisfying(
                        Measurement.Value.class, v -> assertThat(v.value()).isEqualByComparingTo("99.95"));
    }

    @Test
    void wrong_credentials_are_unreachable_saying_they_were_refused_without_showing_them() {
        for (String[] credentials : new String[][] {{USER, "wrong-password-1"}, {"someone-else", PASSWORD}}) {
            Measurement measured = measured(prometheus(
                    "DRUMBEAT_PROMETHEUS_URL", prometheus.url().toString(),
                    "DRUMBEAT_PROMETHEUS_USER", credentials[0],
                    "DRUMBEAT_PROMETHEUS_PASSWORD", credentials[1]));

            String header = Base64.getEncoder()
                    .encodeToString((credentials[0] + ":" + credentials[1]).getBytes(StandardCharsets.UTF_8));
            assertThat(measured).isInstanceOfSatisfying(Measurement.Missing.class, missing -> {
                assertThat(missing.reason()).isEqualTo(Measurement.Reason.UNREACHABLE);
                assertThat(missing.detail())
                        .isEqualTo("Prometheus at " + prometheus.url() + " refused Drumbeat's credentials (HTTP 401).")
                        .doesNotContain(credentials[1], header);
            });
        }
    }

    @Test
    void without_credentials_prometheus_behind_basic_auth_refuses_too() {
        Measurement measured =
                measured(prometheus("DRUMBEAT_PROMETHEUS_URL", prometheus.url().toString()));

        assertThat(measured)
                .isInstanceOfSatisfying(
                        Measurement.Missing.class,
                        missing -> assertThat(missing.detail()).contains("refused Drumbeat's credentials (HTTP 401)"));
    }

    @Test
    void a_bearer_token_is_sent_as_an_authorization_bearer_header() throws IOException {
        List<String> seen = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/query", exchange -> {
            synchronized (seen) {
                seen.add(Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"))
                        .orElse("(none)"));
            }
            byte[] body = "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1736164800,\"42\"]}}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            Measurement measured = measured(prometheus(
                    "DRUMBEAT_PROMETHEUS_URL",
                    "http://127.0.0.1:" + server.getAddress().getPort(),
                    "DRUMBEAT_PROMETHEUS_BEARER_TOKEN",
                    "glc_token-for-drumbeat"));

            assertThat(measured).isInstanceOf(Measurement.Value.class);
            assertThat(seen).containsExactly("Bearer glc_token-for-drumbeat");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void no_url_means_no_prometheus_and_the_defaults_bound_each_query() {
        Monitoring monitoring = new ConfigLoader(minimal()).load().monitoring();

        assertThat(monitoring).isEqualTo(Monitoring.none());
        assertThat(monitoring.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(monitoring.concurrency()).isEqualTo(8);
        assertThat(Measurer.of(monitoring).measure("up", START, END))
                .isInstanceOfSatisfying(
                        Measurement.Missing.class,
                        missing -> assertThat(missing.reason()).isEqualTo(Measurement.Reason.NOT_CONFIGURED));
    }

    @Test
    void the_url_timeout_and_concurrency_are_read_and_the_url_gets_its_slash() {
        Monitoring monitoring = new ConfigLoader(prometheus(
                        "DRUMBEAT_PROMETHEUS_URL", "https://prometheus.example.com/api/prom",
                        "DRUMBEAT_PROMETHEUS_TIMEOUT_MS", "2500",
                        "DRUMBEAT_PROMETHEUS_CONCURRENCY", "32"))
                .load()
                .monitoring();

        assertThat(monitoring.url())
                .hasValueSatisfying(
                        url -> assertThat(url.toString()).isEqualTo("https://prometheus.example.com/api/prom/"));
        assertThat(monitoring.timeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(monitoring.concurrency()).isEqualTo(32);
        assertThat(monitoring.authorization()).isEmpty();
    }

    @Test
    void a_bearer_token_and_a_user_together_are_refused() {
        assertThatThrownBy(() -> new ConfigLoader(prometheus(
                                "DRUMBEAT_PROMETHEUS_URL",
                                "http://prometheus:9090",
                                "DRUMBEAT_PROMETHEUS_BEARER_TOKEN",
                                "token-one",
                                "DRUMBEAT_PROMETHEUS_USER",
                                USER,
                                "DRUMBEAT_PROMETHEUS_PASSWORD",
                                PASSWORD))
                        .load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DRUMBEAT_PROMETHEUS_BEARER_TOKEN and DRUMBEAT_PROMETHEUS_USER are both set")
                .message()
                .doesNotContain("token-one", PASSWORD);
    }

    @Test
    void a_user_without_a_password_or_a_password_without_a_user_is_refused() {
        for (String name : List.of("DRUMBEAT_PROMETHEUS_USER", "DRUMBEAT_PROMETHEUS_PASSWORD")) {
            assertThatThrownBy(() -> new ConfigLoader(
                                    prometheus("DRUMBEAT_PROMETHEUS_URL", "http://prometheus:9090", name, "only-one"))
                            .load())
                    .as(name)
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("DRUMBEAT_PROMETHEUS_USER and DRUMBEAT_PROMETHEUS_PASSWORD go together: set both, or"
                            + " neither");
        }
    }

    @Test
    void credentials_without_a_url_are_refused() {
        for (Map<String, String> env : List.of(
                prometheus("DRUMBEAT_PROMETHEUS_BEARER_TOKEN", "token-one"),
                prometheus("DRUMBEAT_PROMETHEUS_USER", USER, "DRUMBEAT_PROMETHEUS_PASSWORD", PASSWORD))) {
            assertThatThrownBy(() -> new ConfigLoader(env).load())
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("Prometheus credentials are set but DRUMBEAT_PROMETHEUS_URL is not");
        }
    }

    @Test
    void malformed_timeout_and_concurrency_are_named() {
        assertThatThrownBy(() -> new ConfigLoader(prometheus("DRUMBEAT_PROMETHEUS_CONCURRENCY", "0")).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DRUMBEAT_PROMETHEUS_CONCURRENCY is malformed");
        assertThatThrownBy(() -> new ConfigLoader(prometheus("DRUMBEAT_PROMETHEUS_TIMEOUT_MS", "soon")).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DRUMBEAT_PROMETHEUS_TIMEOUT_MS is malformed");
    }

    @Test
    void printing_the_config_shows_the_kind_of_credential_never_the_secret() {
        Config bearer = new ConfigLoader(prometheus(
                        "DRUMBEAT_PROMETHEUS_URL", "http://prometheus:9090",
                        "DRUMBEAT_PROMETHEUS_BEARER_TOKEN", "glc_token-for-drumbeat"))
                .load();
        Config basic = new ConfigLoader(prometheus(
                        "DRUMBEAT_PROMETHEUS_URL", "http://prometheus:9090",
                        "DRUMBEAT_PROMETHEUS_USER", USER,
                        "DRUMBEAT_PROMETHEUS_PASSWORD", PASSWORD))
                .load();
        String header = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

        assertThat(bearer.toString())
                .contains("prometheus=http://prometheus:9090/", "prometheusAuth=bearer")
                .doesNotContain("glc_token-for-drumbeat");
        assertThat(basic.toString()).contains("prometheusAuth=basic").doesNotContain(PASSWORD, header);
        assertThat(bearer.monitoring().toString()).doesNotContain("glc_token");
    }
}
