package dev.drumbeat.measure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.TestDrumbeat;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** `/drumbeat kpi bind` and `sources` when no Prometheus is configured: the binding is kept, and both say so. */
class MeasureCommandWithoutPrometheusTest {
    static final String ALICE = "U0ALICE01";

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    @BeforeEach
    void seed() {
        drumbeat.clock().set(Instant.parse("2025-03-19T10:00:00Z"));
        drumbeat.seed()
                .person(TestDrumbeat.ADMIN, "ada", "member")
                .person(ALICE, "alice", "member")
                .service("payments-api", "Payments API", "core", ALICE, "0.12", "4200000", "620000")
                .kpi("payments-api", "availability", "Availability", "%", "99.9", "up", "99.95");
    }

    @Test
    void binding_stores_the_query_and_says_prometheus_is_not_configured() {
        String answer = drumbeat.command(ALICE, "kpi bind payments-api availability up{job=\"payments\"}")
                .text();

        assertThat(answer)
                .contains(
                        "*Payments API · Availability* is measured by `up{job=\"payments\"}`.",
                        "Prometheus is not configured: an admin sets DRUMBEAT_PROMETHEUS_URL")
                .doesNotContain("Filled");
        assertThat(drumbeat.count("measure_bindings where query = 'up{job=\"payments\"}'"))
                .isEqualTo(1);
        assertThat(drumbeat.count("kpi_readings where source = 'prometheus'")).isZero();
    }

    @Test
    void sources_says_prometheus_is_not_configured() {
        drumbeat.command(ALICE, "kpi bind payments-api availability up");

        assertThat(drumbeat.command(TestDrumbeat.ADMIN, "sources").text())
                .contains(
                        ":warning: Prometheus is not configured",
                        "→ :warning: no number for the week of 10 Mar: Prometheus is not configured.");
    }
}
