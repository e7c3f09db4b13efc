package dev.drumbeat.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.sandbox.SlackUser;
import dev.drumbeat.support.Await;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.Seed;
import dev.drumbeat.support.SlackPayloads;
import dev.drumbeat.support.TestDrumbeat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** `/drumbeat owner`: who may hand a service over, what is audited, and how to undo it. */
class OwnershipTest {
    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    static final SlackUser alice = drumbeat.user("U0ALICE01", "alice");
    static final SlackUser bob = drumbeat.user("U0BOB0001", "bob");
    Seed seed;

    @BeforeEach
    void seed() {
        seed = drumbeat.seed()
                .person("U0ALICE01", "alice", "member")
                .person("U0BOB0001", "bob", "member")
                .person("U0GONE001", "gone", "member")
                .deactivated("U0GONE001")
                .service("payments-api", "Payments API", "core", "U0ALICE01", "0.12", "4200000", "620000")
                .service("legacy-hardware", "Legacy Hardware Maintenance", "secondary", null, "1500", "20", "12000");
    }

    private static String ownerOf(String key) {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select coalesce(owner_id, '-') from services where key = :k")
                        .bind("k", key)
                        .mapTo(String.class)
                        .one());
    }

    private static String text(SlackUser user, String command) {
        return drumbeat.command(user, command).text();
    }

    @Test
    void the_owner_hands_a_service_over_and_is_told_how_to_undo_it() {
        String reply = text(alice, "owner payments api <@U0BOB0001|bob>");
        assertThat(reply)
                .contains(
                        "<@U0BOB0001> now owns *Payments API* (was <@U0ALICE01>)",
                        "To undo: `/drumbeat owner payments-api <@U0ALICE01>`");
        assertThat(ownerOf("payments-api")).isEqualTo("U0BOB0001");
        assertThat(seed.count("audit_log where entity_key = 'payments-api' and actor = 'U0ALICE01'"))
                .isEqualTo(1);
    }

    @Test
    void the_undo_command_restores_the_previous_owner() {
        text(alice, "owner payments-api @bob");
        text(bob, "owner payments-api <@U0ALICE01>");
        assertThat(ownerOf("payments-api")).isEqualTo("U0ALICE01");
        assertThat(seed.count("audit_log")).isEqualTo(2);
    }

    @Test
    void someone_who_is_not_the_owner_cannot_change_it_and_nothing_is_stored() {
        String reply = text(bob, "owner payments api @bob");
        assertThat(reply).contains("Only the owner of Payments API (<@U0ALICE01>) or a Drumbeat admin can change it.");
        assertThat(ownerOf("payments-api")).isEqualTo("U0ALICE01");
        assertThat(seed.count("audit_log")).isZero();
    }

    @Test
    void an_admin_can_give_an_ownerless_service_an_owner() {
        String reply = text(drumbeat.admin(), "owner legacy hardware <@U0BOB0001>");
        assertThat(reply).contains("now owns *Legacy Hardware Maintenance* (was nobody)");
        assertThat(ownerOf("legacy-hardware")).isEqualTo("U0BOB0001");
    }

    @Test
    void giving_an_ownerless_service_an_owner_closes_its_escalation_at_once() {
        drumbeat.jdbi().useHandle(h -> h.execute("""
                insert into escalations (team_id, subject_kind, subject_id, reason, level, opened_at, level_changed_at)
                select team_id, 'service', id, 'ownerless', 3, now(), now() from services where key = 'legacy-hardware'"""));

        text(drumbeat.admin(), "owner legacy hardware <@U0BOB0001>");

        assertThat(seed.count("escalations where reason = 'ownerless' and closed_at is null"))
                .isZero();
        assertThat(seed.count(
                        "escalations where close_reason = '<@" + TestDrumbeat.ADMIN + "> made <@U0BOB0001> the owner'"))
                .isEqualTo(1);
    }

    @Test
    void a_deactivated_person_cannot_become_owner() {
        assertThat(text(alice, "owner payments-api <@U0GONE001>")).contains("deactivated in Slack");
        assertThat(ownerOf("payments-api")).isEqualTo("U0ALICE01");
    }

    @Test
    void an_unknown_name_or_a_missing_person_says_how_to_do_it_right() {
        assertThat(text(alice, "owner payments-api @nobody-here")).contains("Mention them with @");
        assertThat(text(alice, "owner payments-api")).contains("`/drumbeat owner payments api @alex`");
        assertThat(ownerOf("payments-api")).isEqualTo("U0ALICE01");
    }

    @Test
    void an_escaped_mention_of_someone_new_is_learned_from_slack() {
        text(alice, "owner payments-api <@U0NEW0001|newbie>");
        assertThat(ownerOf("payments-api")).isEqualTo("U0NEW0001");
        assertThat(seed.count("people where user_id = 'U0NEW0001' and name = 'newbie'"))
                .isEqualTo(1);
    }

    @Test
    void user_change_with_deleted_marks_the_person_deactivated() {
        drumbeat.event(
                "Ev02", SlackPayloads.userChange(SlackPayloads.slackUser(TestDrumbeat.TEAM, "U0BOB0001", "bob", true)));
        assertThat(seed.count("people where user_id = 'U0BOB0001' and deactivated"))
                .isEqualTo(1);
        // a deactivation also sweeps the workspace on another thread; let it finish (it finds Legacy Hardware
        // ownerless) so that it cannot write into the next test's rows
        Await.until(
                "the sweep the deactivation asked for",
                () -> seed.count("escalations where reason = 'ownerless'") == 1);
    }
}
