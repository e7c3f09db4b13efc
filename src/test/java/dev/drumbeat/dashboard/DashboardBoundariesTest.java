package dev.drumbeat.dashboard;

import static dev.drumbeat.dashboard.DashboardFixture.ALICE;
import static dev.drumbeat.dashboard.DashboardFixture.keys;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.support.DrumbeatExtension;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the dashboard must never show or do: another workspace's services, and text a spreadsheet would run as a
 * formula when the CSV is opened. Its own fixture, because the extra services would change the other tests' rows.
 */
class DashboardBoundariesTest {
    static final String OTHER_TEAM = "T0OTHER01";

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DashboardFixture.app();

    static final DashboardFixture f = new DashboardFixture(drumbeat);
    String session;

    @BeforeEach
    void seed() {
        f.seed();
        drumbeat.seed(OTHER_TEAM)
                .person("U0OTHER01", "olga", "member")
                .service("secret-ledger", "Secret Ledger", "core", "U0OTHER01", "10", "10", "1000");
        drumbeat.seed()
                .service("formula-svc", "=HYPERLINK(\"http://evil.example\",\"x\")", "core", ALICE, "1", "1", "1");
        session = f.session(f.user(ALICE, "alice"));
    }

    @Test
    void another_workspaces_service_is_neither_listed_nor_found() {
        assertThat(keys(f.get("/dashboard", session).body()))
                .doesNotContain("secret-ledger")
                .contains("payments-api");
        assertThat(f.get("/dashboard/services/secret-ledger", session).statusCode())
                .isEqualTo(404);
        assertThat(f.get("/dashboard/export.csv", session).body()).doesNotContain("Secret Ledger");
    }

    @Test
    void a_name_that_a_spreadsheet_would_run_as_a_formula_is_exported_as_text() {
        HttpResponse<String> csv = f.get("/dashboard/export.csv?q=formula", session);

        assertThat(csv.body())
                .contains("'=HYPERLINK")
                .doesNotContain(",=HYPERLINK")
                .doesNotContain(",\"=HYPERLINK");
    }
}
