package dev.drumbeat.okr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.core.Money;
import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.support.Bills;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.TestDrumbeat;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quarterly review measures each decision's realised saving from the bills: the services' actual monthly cost in
 * up to three whole months before the decision minus up to three whole months after it, the months named; where the
 * bills cannot measure it, it says so rather than showing a number. The review of 2026-Q4 goes out on 4 January 2027.
 */
class OkrReviewBillsTest {
    static final String LEAD = "U0LEAD001";

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    @TempDir
    Path dir;

    OkrReview review;

    @BeforeEach
    void seed() {
        drumbeat.seed()
                .person(LEAD, "lena", "leadership")
                .service("archive", "Archive Store", "core", LEAD, "10", "1000", "12000")
                .service("fax", "Fax Gateway", "secondary", LEAD, "5", "1000", "1000")
                .service("print", "Print Services", "secondary", LEAD, "2", "1000", "500")
                .service("wiki", "Team Wiki", "secondary", LEAD, "1", "1000", "0")
                .initiative("portal", "New Portal", LEAD, "36000", "1000", null, "active");
        drumbeat.clock().set(Instant.parse("2027-01-02T08:00:00Z"));
        drumbeat.execute("update services set created_at = timestamptz '2026-06-01 00:00:00+00'");
        drumbeat.execute("""
                insert into decisions (id, team_id, question, target_monthly, expected_saving, decided_by, decided_at)
                values (1, :t, 'save 15k', 15000, 15000, :u, timestamptz '2026-10-10 10:00:00+00'),
                       (2, :t, 'save 2k', 2000, 2000, :u, timestamptz '2026-11-10 10:00:00+00'),
                       (3, :t, 'cut the wiki', 1000, 1000, :u, timestamptz '2026-11-20 10:00:00+00'),
                       (4, :t, 'pause the portal', 3000, 3000, :u, timestamptz '2026-12-01 10:00:00+00'),
                       (5, :t, 'late cut', 1000, 1000, :u, timestamptz '2026-12-20 10:00:00+00')""".replace(":t", "'" + TestDrumbeat.TEAM + "'").replace(":u", "'" + LEAD + "'"));
        drumbeat.execute("""
                insert into decision_items (decision_id, team_id, subject_kind, subject_id, key, name, monthly_saving)
                select 1, team_id, 'service', id, key, name, 10000 from services where key = 'archive'
                union all select 1, team_id, 'service', id, key, name, 5000 from services where key = 'fax'
                union all select 2, team_id, 'service', id, key, name, 2000 from services where key = 'print'
                union all select 3, team_id, 'service', id, key, name, 1000 from services where key = 'wiki'
                union all select 4, team_id, 'initiative', id, key, name, 3000 from initiatives where key = 'portal'
                union all select 5, team_id, 'service', id, key, name, 1000 from services where key = 'print'""");
        drumbeat.execute("update initiatives set deprioritised_by = 4 where key = 'portal'");
        review = new OkrReview(
                drumbeat.jdbi(),
                new Outbox(drumbeat.clock()),
                new OkrService(drumbeat.jdbi(), new AuditLog(drumbeat.clock()), OkrRules.defaults(), drumbeat.clock()),
                new Money(Currency.getInstance("USD")),
                Optional.of("C0LEADERS"),
                drumbeat.clock());
    }

    /** Archive and Fax stop after decision #1 in October; Print halves after #2 in November; no bills for the wiki. */
    private void importBills() {
        Bills bills = new Bills(drumbeat.jdbi(), drumbeat.clock(), TestDrumbeat.TEAM, dir, "archive", "fax", "print");
        bills.month("2026-07", "archive", "10000", "fax", "5000", "print", "2000");
        bills.month("2026-08", "archive", "10200", "fax", "5100", "print", "2000");
        bills.month("2026-09", "archive", "9800", "fax", "4900", "print", "2000");
        bills.month("2026-10", "archive", "10000", "fax", "5000", "print", "2000");
        bills.month("2026-11", "archive", "9000", "print", "2000");
        bills.month("2026-12", "archive", "4000", "print", "1000");
        bills.month("2027-01", "print", "10");
        drumbeat.execute("update services set active = false where key = 'archive'");
    }

    @Test
    void each_decisions_realised_saving_is_its_services_bills_before_it_minus_after_it_with_the_months_named() {
        importBills();
        drumbeat.clock().set(Instant.parse("2027-01-04T09:00:00Z"));

        assertThat(review.sendDue()).isEqualTo(1);

        assertThat(queued())
                .contains("#1 planned $15,000/mo · realised $8,500/mo from the bills (July–September 2026 before,"
                        + " November–December 2026 after)")
                .contains("#2 planned $2,000/mo · realised $1,000/mo from the bills (August–October 2026 before,"
                        + " December 2026 after)")
                .contains("#3 planned $1,000/mo · no bills to measure it")
                .contains("#4 planned $3,000/mo · realised $3,000/mo by the paused initiatives' budgets")
                .contains("#5 planned $1,000/mo · no bills to measure it yet: no whole month since")
                .contains("5 standing, planned $22,000 a month, realised $12,500 a month;"
                        + " 2 with no bills to measure them");
    }

    @Test
    void without_bills_no_service_decision_shows_a_number() {
        drumbeat.clock().set(Instant.parse("2027-01-04T09:00:00Z"));

        review.sendDue();

        assertThat(queued())
                .contains("#1 planned $15,000/mo · no bills to measure it")
                .contains("#2 planned $2,000/mo · no bills to measure it")
                .contains("#4 planned $3,000/mo · realised $3,000/mo by the paused initiatives' budgets")
                .contains("realised $3,000 a month; 4 with no bills to measure them");
    }

    private static String queued() {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select args->>'text' || ' ' || cast(args->'blocks' as text)"
                                + " from slack_outbox where dedupe_key like 'okr:review:%'")
                        .mapTo(String.class)
                        .one());
    }
}
