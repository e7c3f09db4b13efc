package dev.drumbeat.escalation.rules;

import static dev.drumbeat.escalation.rules.EscalationRulesFixture.PERIODS;
import static dev.drumbeat.escalation.rules.EscalationRulesFixture.TEAM;
import static dev.drumbeat.escalation.rules.EscalationRulesFixture.WEDNESDAY_NINE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.escalation.settings.Thresholds;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Initiative slipping: unfinished and depended on, and either past its due date or with a linked service red. */
class EscalationRulesInitiativeTest {
    static final LocalDate YESTERDAY = LocalDate.of(2026, 11, 17);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 18);

    static InitiativeFacts initiative(Optional<LocalDate> due, String status, int linked, int red) {
        return new InitiativeFacts(
                42, TEAM, "cloud-move", "Cloud move", Optional.of("U0OWNER01"), due, status, linked, red);
    }

    static List<Finding> evaluate(Instant now, InitiativeFacts... initiatives) {
        return EscalationRules.evaluate(List.of(), List.of(initiatives), Thresholds.defaults(), PERIODS, now);
    }

    @Test
    void an_initiative_past_its_due_date_with_services_depending_on_it_is_slipping() {
        assertThat(evaluate(WEDNESDAY_NINE, initiative(Optional.of(YESTERDAY), "active", 3, 0)))
                .containsExactly(new Finding(
                        TEAM,
                        Finding.Subject.initiative(42),
                        Reason.INITIATIVE_SLIPPING,
                        "past its due date of 17 Nov"));
    }

    @Test
    void an_initiative_due_today_is_not_yet_late() {
        assertThat(evaluate(WEDNESDAY_NINE, initiative(Optional.of(TODAY), "active", 3, 0)))
                .isEmpty();
        assertThat(evaluate(Instant.parse("2026-11-19T00:00:00Z"), initiative(Optional.of(TODAY), "planned", 3, 0)))
                .extracting(Finding::reason)
                .containsExactly(Reason.INITIATIVE_SLIPPING);
    }

    @Test
    void an_initiative_on_time_with_a_linked_service_red_is_slipping() {
        assertThat(evaluate(WEDNESDAY_NINE, initiative(Optional.of(TODAY.plusDays(30)), "active", 3, 1)))
                .extracting(Finding::detail)
                .containsExactly("1 of 3 linked services red");
        assertThat(evaluate(WEDNESDAY_NINE, initiative(Optional.empty(), "active", 1, 1)))
                .extracting(Finding::detail)
                .containsExactly("1 of 1 linked service red");
    }

    @Test
    void a_late_initiative_with_red_services_says_both() {
        assertThat(evaluate(WEDNESDAY_NINE, initiative(Optional.of(YESTERDAY), "active", 4, 2)))
                .extracting(Finding::detail)
                .containsExactly("past its due date of 17 Nov; 2 of 4 linked services red");
    }

    @Test
    void an_initiative_nothing_depends_on_is_not_escalated() {
        assertThat(evaluate(WEDNESDAY_NINE, initiative(Optional.of(YESTERDAY), "active", 0, 0)))
                .isEmpty();
    }

    @Test
    void a_done_or_cancelled_initiative_is_not_escalated() {
        assertThat(evaluate(WEDNESDAY_NINE, initiative(Optional.of(YESTERDAY), "done", 3, 1)))
                .isEmpty();
        assertThat(evaluate(WEDNESDAY_NINE, initiative(Optional.of(YESTERDAY), "cancelled", 3, 1)))
                .isEmpty();
    }

    @Test
    void an_initiative_without_a_due_date_and_no_red_services_is_fine() {
        assertThat(evaluate(WEDNESDAY_NINE, initiative(Optional.empty(), "active", 3, 0)))
                .isEmpty();
    }
}
