package dev.drumbeat.okr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.core.Money;
import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.Seed;
import dev.drumbeat.support.TestDrumbeat;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The quarterly review's numbers on a constructed history: planned against realised savings (with no bills imported,
 * so only the paused initiative's budget is realised; {@link OkrReviewBillsTest} measures services from the bills),
 * what was neglected.
 */
class OkrReviewTest {
    static final String LEAD = "U0LEAD001";

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    OkrReview review;

    @BeforeEach
    void seed() {
        Seed seed = drumbeat.seed().person(LEAD, "lena", "leadership");
        seed.service("archive", "Archive Store", "core", LEAD, "10", "1000", "12000")
                .service("fax", "Fax Gateway", "secondary", LEAD, "5", "1000", "1000")
                .service("print", "Print Services", "secondary", LEAD, "2", "1000", "500")
                .service("orphan", "Orphaned Reports", "core", null, "1", "100", "0")
                .initiative("portal", "New Portal", LEAD, "36000", "1000", null, "active");
        drumbeat.jdbi().useHandle(h -> {
            h.execute("update services set created_at = timestamptz '2026-06-01 00:00:00+00'");
            h.execute("""
                    insert into decisions (id, team_id, question, target_monthly, expected_saving, decided_by, decided_at,
                                           undone_by, undone_at) values
                      (1, :t, 'save 15k', 15000, 15000, :u, timestamptz '2026-10-10 10:00:00+00', null, null),
                      (2, :t, 'save 2k', 2000, 2000, :u, timestamptz '2026-11-10 10:00:00+00', null, null),
                      (3, :t, 'undone one', 5000, 5000, :u, timestamptz '2026-11-11 10:00:00+00', :u, timestamptz '2026-11-12 10:00:00+00'),
                      (4, :t, 'last quarter', 5000, 5000, :u, timestamptz '2026-09-15 10:00:00+00', null, null),
                      (5, :t, 'pause the portal', 3000, 3000, :u, timestamptz '2026-12-01 10:00:00+00', null, null)""".replace(":t", "'" + TestDrumbeat.TEAM + "'").replace(":u", "'" + LEAD + "'"));
            h.execute("""
                    insert into decision_items (decision_id, team_id, subject_kind, subject_id, key, name, monthly_saving)
                    select 1, team_id, 'service', id, key, name, 10000 from services where key = 'archive'
                    union all select 1, team_id, 'service', id, key, name, 5000 from services where key = 'fax'
                    union all select 2, team_id, 'service', id, key, name, 2000 from services where key = 'print'
                    union all select 3, team_id, 'service', id, key, name, 5000 from services where key = 'fax'
                    union all select 4, team_id, 'service', id, key, name, 5000 from services where key = 'fax'
                    union all select 5, team_id, 'initiative', id, key, name, 3000 from initiatives where key = 'portal'""");
            h.execute("""
                    insert into audit_log (team_id, actor, at, entity, entity_key, action, before, after) values
                      (:t, :u, timestamptz '2026-12-15 10:00:00+00', 'service', 'archive', 'retire',
                       cast('{"tier": "CORE", "unitCost": 10, "monthlyDemand": 1000, "monthlyValue": 12000}' as jsonb), null),
                      (:t, :u, timestamptz '2026-11-20 10:00:00+00', 'service', 'print', 'update',
                       cast('{"tier": "SECONDARY", "unitCost": 2, "monthlyDemand": 1000, "monthlyValue": 500}' as jsonb),
                       cast('{"monthlyDemand": 500}' as jsonb))""".replace(":t", "'" + TestDrumbeat.TEAM + "'").replace(":u", "'" + LEAD + "'"));
            h.execute("update services set active = false where key = 'archive'");
            h.execute("update services set monthly_demand = 500 where key = 'print'");
            h.execute("update initiatives set deprioritised_by = 5 where key = 'portal'");
            h.execute("""
                    insert into objectives (id, team_id, quarter, title, owner_id, created_at)
                    values (7, ?, '2026-Q4', 'Leaner estate', ?, now())""", TestDrumbeat.TEAM, LEAD);
            h.execute("""
                    insert into key_results (team_id, objective_id, title, kind, done, created_at)
                    values (?, 7, 'Retire the archive', 'milestone', true, now())""", TestDrumbeat.TEAM);
            h.execute("""
                    insert into escalations (team_id, subject_kind, subject_id, reason, level, opened_at, level_changed_at)
                    select team_id, 'service', id, 'ownerless', 3, timestamptz '2026-09-01 00:00:00+00',
                           timestamptz '2026-09-01 00:00:00+00' from services where key = 'orphan'
                    union all
                    select team_id, 'service', id, 'stale', 1, timestamptz '2026-11-01 00:00:00+00',
                           timestamptz '2026-11-01 00:00:00+00' from services where key = 'fax'""");
        });
        drumbeat.clock().set(Instant.parse("2027-01-04T09:00:00Z"));
        OkrService okrs =
                new OkrService(drumbeat.jdbi(), new AuditLog(drumbeat.clock()), OkrRules.defaults(), drumbeat.clock());
        review = new OkrReview(
                drumbeat.jdbi(),
                new Outbox(drumbeat.clock()),
                okrs,
                new Money(Currency.getInstance("USD")),
                Optional.of("C0LEADERS"),
                drumbeat.clock());
    }

    private static List<String> queued() {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select args->>'text' || ' ' || cast(args->'blocks' as text)"
                                + " from slack_outbox where dedupe_key like 'okr:review:%'")
                        .mapTo(String.class)
                        .list());
    }

    @Test
    void the_review_sets_each_decisions_planned_saving_beside_what_was_realised_and_goes_once() {
        assertThat(review.sendDue()).isEqualTo(1);
        assertThat(review.sendDue()).as("the second run of the job").isZero();

        assertThat(queued())
                .singleElement()
                .satisfies(review -> assertThat(review)
                        .contains(
                                "2026-Q4 in review",
                                "3 standing, planned $20,000 a month, realised $3,000 a month;"
                                        + " 2 with no bills to measure them",
                                "#3 (undone) planned $5,000/mo · realised $0.00/mo",
                                "#1 planned $15,000/mo · no bills to measure it",
                                "#2 planned $2,000/mo · no bills to measure it",
                                "#5 planned $3,000/mo · realised $3,000/mo by the paused initiatives' budgets",
                                "*O7* Leaner estate · 1 key result, average 100% · open",
                                "Ownerless or stale all quarter*: 1",
                                "Orphaned Reports")
                        .doesNotContain("last quarter", "Fax Gateway\""));
        assertThat(queued().get(0))
                .contains(
                        "*core*\\n$100 a month (was $10,100)\\nmargin −$100 (was +$1,900)",
                        "*secondary*\\n$6,000 a month (was $7,000)");
    }
}
