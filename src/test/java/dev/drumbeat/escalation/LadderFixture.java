package dev.drumbeat.escalation;

import dev.drumbeat.core.Periods;
import dev.drumbeat.escalation.rules.Finding;
import dev.drumbeat.escalation.settings.Thresholds;
import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.Seed;
import dev.drumbeat.support.TestDrumbeat;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Optional;

/**
 * The ladder's test workspace: four people, and one core service owned by Alice with Bob as deputy and a team
 * channel; and the ladder itself, escalating to {@code C0LEADERS} with the default thresholds.
 */
final class LadderFixture {
    static final String ALICE = "U0ALICE01";
    static final String BOB = "U0BOB0001";
    static final String DAVE = "U0DAVE001";
    static final String ERIN = "U0ERIN001";
    static final Thresholds THRESHOLDS = Thresholds.defaults();

    private LadderFixture() {}

    static Seed seed(DrumbeatExtension drumbeat) {
        Seed seed = drumbeat.seed()
                .person(ALICE, "alice", "member")
                .person(BOB, "bob", "member")
                .person(DAVE, "dave", "member")
                .person(ERIN, "erin", "member")
                .service("payments", "Payments API", "core", ALICE, "1", "1", "1")
                .deputy("payments", BOB);
        drumbeat.execute("update services set team_channel = 'C0PAYMENTS' where key = 'payments'");
        return seed;
    }

    static EscalationService ladder(DrumbeatExtension drumbeat) {
        return new EscalationService(
                drumbeat.jdbi(),
                new Outbox(drumbeat.clock()),
                Optional.of("C0LEADERS"),
                new EscalationServiceRules(new Periods(DayOfWeek.MONDAY, 9)),
                drumbeat.clock());
    }

    static void apply(DrumbeatExtension drumbeat, EscalationService ladder, Finding... findings) {
        ladder.apply(
                TestDrumbeat.TEAM,
                List.of(findings),
                THRESHOLDS,
                drumbeat.clock().instant());
    }
}
