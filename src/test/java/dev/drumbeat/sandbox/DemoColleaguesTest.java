package dev.drumbeat.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.db.Database;
import dev.drumbeat.support.MutableClock;
import dev.drumbeat.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DemoColleaguesTest {
    /** Wednesday 18 March 2026: the week began on Monday 16 March, and every owner's Monday morning has passed. */
    private static final Instant WEDNESDAY = Instant.parse("2026-03-18T10:15:00Z");

    private static final String THIS_WEEK = "2026-03-16";
    private static final String AISHA = "U0NWB05AK";

    private Database database;
    private Jdbi jdbi;
    private MutableClock clock;

    @BeforeEach
    void loadThePortfolio() {
        database = TestDatabase.fresh();
        jdbi = database.jdbi();
        clock = new MutableClock(WEDNESDAY);
        new DemoPortfolio(clock).load(jdbi);
    }

    @AfterEach
    void closeTheDatabase() {
        database.close();
    }

    @Test
    void colleagues_check_in_for_this_week_but_leave_the_newcomers_services_and_the_quiet_ones() {
        new DemoColleagues(jdbi, clock).catchUp();

        List<String> answered = keysCheckedIn(THIS_WEEK);
        assertThat(answered).hasSizeGreaterThan(30).contains("core-banking-ledger", "trade-settlement");
        assertThat(answered)
                .doesNotContain("payments-gateway", "card-issuing")
                .doesNotContain("expense-management", "software-asset-management", "mainframe-batch")
                .doesNotContain("document-management", "test-environments", "intranet", "treasury-management");
        assertThat(integer("select count(*) from checkins where submitted_at > '" + WEDNESDAY + "'"))
                .isZero();
        assertThat(integer("select count(*) from checkins where submitted_by = '" + AISHA + "' and period_start = '"
                        + THIS_WEEK + "'"))
                .isZero();
    }

    @Test
    void what_the_newcomer_answered_stays_and_a_service_handed_over_is_left_to_its_new_owner() {
        jdbi.useHandle(h -> {
            h.execute("""
                    insert into checkins (team_id, service_id, period_start, status, hurdle, submitted_by, submitted_at)
                    select team_id, id, date '2026-03-16', 'red', 'Tried it in the sandbox', 'U0NWB03TM', now()
                      from services where key = 'core-banking-ledger'""");
            h.execute("update services set owner_id = 'U0NWB03TM' where key = 'crm'");
        });

        new DemoColleagues(jdbi, clock).catchUp();

        assertThat(string("select c.status from checkins c join services s on s.id = c.service_id"
                        + " where s.key = 'core-banking-ledger' and c.period_start = '" + THIS_WEEK + "'"))
                .isEqualTo("red");
        assertThat(keysCheckedIn(THIS_WEEK)).doesNotContain("crm");
    }

    @Test
    void as_the_clock_moves_into_next_week_colleagues_answer_again_and_say_how_their_key_results_go() {
        new DemoColleagues(jdbi, clock).catchUp();
        clock.advance(Duration.ofDays(6));

        new DemoColleagues(jdbi, clock).catchUp();

        assertThat(keysCheckedIn("2026-03-23")).hasSizeGreaterThan(30).doesNotContain("payments-gateway");
        assertThat(string("""
                        select string_agg(distinct c.confidence, ',') from key_result_confidence c
                          join key_results kr on kr.id = c.key_result_id
                         where kr.title = 'Loads on time at 98%' and c.period_start = date '2026-03-23'""")).isEqualTo("on_track");
    }

    private List<String> keysCheckedIn(String monday) {
        return jdbi.withHandle(h -> h.createQuery("select s.key from checkins c join services s on s.id = c.service_id"
                        + " where c.period_start = cast(:monday as date)")
                .bind("monday", monday)
                .mapTo(String.class)
                .list());
    }

    private int integer(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private String string(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }
}
