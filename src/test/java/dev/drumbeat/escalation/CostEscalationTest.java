package dev.drumbeat.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Role;
import dev.drumbeat.core.UserError;
import dev.drumbeat.costs.CostImportService;
import dev.drumbeat.costs.CostRules;
import dev.drumbeat.escalation.rules.Reason;
import dev.drumbeat.sandbox.standin.SlackStandInCall;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.FocusExports;
import dev.drumbeat.support.FocusExports.Shape;
import dev.drumbeat.support.Sweeps;
import dev.drumbeat.support.TestDrumbeat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cost drift and unallocated spend end to end: bills imported through {@link CostImportService} as the providers
 * export them, the real sweep over the real rules, and its messages sent to the Slack stand-in through the outbox. The
 * clock sits on the 2nd of the month after each bill, when it would be imported.
 */
class CostEscalationTest {
    static final String TEAM = TestDrumbeat.TEAM;
    static final String ALICE = "U0ALICE01";
    static final String BOB = "U0BOB0001";
    static final String DAVE = "U0DAVE001";
    static final String LEAD = "U0LEAD001";
    static final String LEADERS = "C0LEADERS";
    static final String PAYMENTS = "000111111111";
    static final String CRM = "000222222222";
    static final String EDGE = "000333333333";
    static final String NOBODY = "000999999999";

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withoutApp();

    @TempDir
    Path dir;

    EscalationService ladder;

    @BeforeEach
    void seed() {
        drumbeat.seed()
                .person(ALICE, "alice", "member")
                .person(BOB, "bob", "member")
                .person(DAVE, "dave", "member")
                .person(LEAD, "lea", "leadership")
                .service("payments", "Payments API", "core", ALICE, "0.10", "100000", "30000")
                .deputy("payments", BOB)
                .service("crm", "CRM", "core", ALICE, "2", "1000", "4000")
                .service("edge", "<!channel> Edge <@U0BOB0001>", "secondary", DAVE, "1", "1", "1");
        drumbeat.execute("update services set team_channel = 'C0PAYMENTS' where key = 'payments'");
        String rules = "match,key,value,services\nsub-account,," + PAYMENTS + ",payments\nsub-account,," + CRM
                + ",crm\nsub-account,," + EDGE + ",edge\n";
        new CostRules(drumbeat.jdbi(), new AuditLog(drumbeat.clock()))
                .replace(TEAM, "U0ADMIN", rules.getBytes(StandardCharsets.UTF_8));
        ladder = Sweeps.escalations(drumbeat, LEADERS);
    }

    @Test
    void a_steady_rise_reaches_the_owner_by_its_third_month_climbs_the_ladder_and_clears_when_a_month_is_back_under() {
        for (String[] month : new String[][] {
            {"2025-01", "10000.00"},
            {"2025-02", "10000.00"},
            {"2025-03", "10000.00"},
            {"2025-04", "10337.00"},
            {"2025-05", "10685.00"}
        }) {
            importedAfter(month[0], PAYMENTS, month[1], CRM, "2000.00");
            assertThat(ladder.sweep().isEmpty()).as("after %s", month[0]).isTrue();
        }

        importedAfter("2025-06", PAYMENTS, "11045.00", CRM, "2000.00");
        EscalationService.Applied june = ladder.sweep();
        drumbeat.drainOutbox();

        assertThat(june).isEqualTo(new EscalationService.Applied(1, 0, 0));
        SlackStandInCall dm = onlyPost(ALICE);
        assertThat(dm.args().get("text")).isEqualTo("Escalation, level 1 — Payments API: cost drift");
        assertThat(blocks(dm))
                .contains(
                        "*Payments API* `payments` · *cost drift*",
                        "Up 10.5% in Jun 2025 on its average of $10,000 a month in Jan–Mar 2025, rising three months"
                                + " running: Apr 2025 $10,337 · May 2025 $10,685 · Jun 2025 $11,045 (`drift-trend` is"
                                + " 10%).",
                        "Jun 2025's figures come from the bills imported on 2 Jul 2025 (focus-aws-part-1.csv).",
                        "It closes by itself when a later whole month's bill is back within the drift thresholds");

        drumbeat.clock().advance(Duration.ofHours(48));
        ladder.sweep();
        drumbeat.clock().advance(Duration.ofHours(48));
        ladder.sweep();
        drumbeat.drainOutbox();

        assertThat(onlyPost("C0PAYMENTS").args().get("text"))
                .isEqualTo("Escalation, level 2 — Payments API: cost drift");
        assertThat(onlyPost(BOB)).isNotNull();
        assertThat(onlyPost(LEADERS).args().get("text")).isEqualTo("Escalation, level 3 — Payments API: cost drift");

        importedAfter("2025-07", PAYMENTS, "10000.00", CRM, "2000.00");
        EscalationService.Applied july = ladder.sweep();
        drumbeat.drainOutbox();

        assertThat(july).isEqualTo(new EscalationService.Applied(0, 0, 1));
        assertThat(closeReasons())
                .containsExactly(
                        "the latest whole month's cost is within the drift thresholds of the months before it");
        assertThat(drumbeat.slack().conversations().values().stream()
                        .flatMap(List::stream)
                        .filter(m -> m.text().contains("cost drift")))
                .hasSize(4)
                .allSatisfy(m -> assertThat(m.text()).startsWith("Resolved — Payments API: cost drift"));
    }

    @Test
    void a_month_running_or_billed_only_in_part_is_never_judged_and_a_spike_is_caught_once_it_is_whole() {
        for (String month : List.of("2025-01", "2025-02", "2025-03", "2025-04")) {
            importedAfter(month, PAYMENTS, "10000.00", CRM, "2000.00");
        }
        drumbeat.clock().set(Instant.parse("2025-05-20T09:00:00Z"));
        imported("2025-05", PAYMENTS, "14000.00", CRM, "2000.00");

        assertThat(ladder.sweep().isEmpty()).as("May is not over").isTrue();
        drumbeat.clock().set(Instant.parse("2025-06-01T00:00:00Z"));
        assertThat(ladder.sweep().isEmpty())
                .as("May is over, but its bill was taken on the 20th: only part of May")
                .isTrue();

        drumbeat.clock().set(Instant.parse("2025-06-02T06:00:00Z"));
        imported("2025-05", PAYMENTS, "15000.00", CRM, "2000.00");
        ladder.sweep();
        drumbeat.drainOutbox();

        assertThat(openDetails(Reason.COST_DRIFT))
                .singleElement()
                .satisfies(detail -> assertThat(detail)
                        .isEqualTo("$15,000 in May 2025, up 50.0% on its average of $10,000 a month in Feb–Apr 2025"
                                + " (`drift-spike` is 25%).\nMay 2025's figures come from the bills imported on 2 Jun"
                                + " 2025 (focus-aws-part-1.csv)."));
        assertThat(blocks(onlyPost(ALICE))).contains("$15,000 in May 2025, up 50.0%");
    }

    @Test
    void a_service_with_fewer_months_of_bills_than_the_detector_needs_is_not_judged() {
        importedAfter("2025-01", PAYMENTS, "10000.00", CRM, "2000.00");
        importedAfter("2025-02", PAYMENTS, "10000.00", CRM, "2000.00");
        importedAfter("2025-03", PAYMENTS, "30000.00", CRM, "2000.00");

        assertThat(ladder.sweep().isEmpty()).isTrue();
        assertThat(drumbeat.count("escalations")).isZero();
    }

    @Test
    void a_name_someone_typed_is_escaped_in_the_drift_message_and_mentions_nobody() {
        for (String month : List.of("2025-01", "2025-02", "2025-03")) {
            importedAfter(month, EDGE, "500.00", CRM, "2000.00");
        }
        importedAfter("2025-04", EDGE, "900.00", CRM, "2000.00");

        ladder.sweep();
        drumbeat.drainOutbox();

        SlackStandInCall dm = onlyPost(DAVE);
        assertThat(dm.args().toString())
                .contains("&lt;!channel&gt; Edge &lt;@U0BOB0001&gt;", "$900 in Apr 2025, up 80.0%")
                .doesNotContain("<!channel>", "<@U0BOB0001>");
    }

    @Test
    void a_higher_trend_threshold_holds_back_the_same_rise_and_putting_it_back_escalates_it() {
        drumbeat.execute("insert into escalation_settings (team_id, drift_trend_percent) values (?, 12)", TEAM);
        for (String[] month : new String[][] {
            {"2025-01", "10000.00"},
            {"2025-02", "10000.00"},
            {"2025-03", "10000.00"},
            {"2025-04", "10337.00"},
            {"2025-05", "10685.00"},
            {"2025-06", "11045.00"}
        }) {
            importedAfter(month[0], PAYMENTS, month[1], CRM, "2000.00");
        }

        assertThat(ladder.sweep().isEmpty()).as("up 10.5%, under 12%").isTrue();

        drumbeat.execute("update escalation_settings set drift_trend_percent = 10 where team_id = ?", TEAM);
        assertThat(ladder.sweep().opened()).isEqualTo(1);
        assertThat(openDetails(Reason.COST_DRIFT)).singleElement().asString().contains("(`drift-trend` is 10%)");
    }

    @Test
    void a_snoozed_drift_waits_a_week_and_an_acknowledged_one_says_who_is_on_it() {
        for (String month : List.of("2025-01", "2025-02", "2025-03")) {
            importedAfter(month, PAYMENTS, "10000.00", CRM, "2000.00");
        }
        importedAfter("2025-04", PAYMENTS, "13000.00", CRM, "2000.00");
        ladder.sweep();
        long id = onlyOpen(Reason.COST_DRIFT);
        EscalationServiceActions actions = new EscalationServiceActions(
                new EscalationServiceChanges(ladder, new AuditLog(drumbeat.clock())), ladder);

        actions.acknowledge(new Actor(TEAM, ALICE, Role.MEMBER), id);
        actions.snooze(new Actor(TEAM, BOB, Role.MEMBER), id, "Reserved instances land next week");
        drumbeat.clock().advance(Duration.ofDays(6));
        ladder.sweep();
        int duringSnooze = level(id);
        drumbeat.clock().advance(Duration.ofDays(1).plusHours(48));
        ladder.sweep();
        drumbeat.drainOutbox();

        assertThat(duringSnooze).isEqualTo(1);
        assertThat(level(id)).isEqualTo(2);
        assertThat(drumbeat.count("escalations where acknowledged_by = '" + ALICE + "' and snoozed_by = '" + BOB + "'"))
                .isEqualTo(1);
        assertThat(blocks(onlyPost("C0PAYMENTS")))
                .contains("Acknowledged by <@" + ALICE + ">", "Reserved instances land next week");
    }

    @Test
    void unallocated_spend_over_its_share_goes_straight_to_leadership_with_its_five_largest_lines() {
        importedAfter(
                "2025-06",
                new FocusExports(Shape.AWS)
                        .usage(PAYMENTS, "Compute", "9000.00")
                        .usage(CRM, "Database", "500.00")
                        .usage(NOBODY, "Support", "200.00")
                        .usage(NOBODY, "Amazon S3", "150.00")
                        .usage(NOBODY, "CloudWatch", "100.00")
                        .usage("<!channel>", "Lambda", "50.00")
                        .usage(NOBODY, "SNS", "20.00")
                        .usage(NOBODY, "SQS", "10.00"));

        EscalationService.Applied applied = ladder.sweep();
        drumbeat.drainOutbox();

        assertThat(applied.opened()).isEqualTo(1);
        SlackStandInCall post = onlyPost(LEADERS);
        assertThat(post.args().get("text")).isEqualTo("Escalation, level 3 — Cloud bills: unallocated spend");
        assertThat(blocks(post))
                .contains(
                        "*Cloud bills* · *unallocated spend*",
                        "$530 of the $10,030 bill for Jun 2025 (5.3%) went to no service; more than the 5% allowed"
                                + " (`unallocated`). The largest charges no rule took in Jun 2025's invoices:",
                        "• $200.00 · sub-account 000999999999 · Support · arn:aws:ec2:eu-west-1:000999999999:instance/",
                        "• $150.00 · sub-account 000999999999 · Amazon S3 · ",
                        "• $100.00 · sub-account 000999999999 · CloudWatch · ",
                        "• $50.00 · sub-account &lt;!channel&gt; · Lambda · arn:aws:ec2:eu-west-1:&lt;!channel&gt;:",
                        "• $20.00 · sub-account 000999999999 · SNS · ",
                        "A rule for them (`/drumbeat costs rules`) allocates them, the months already imported included.",
                        "Jun 2025's figures come from the bills imported on 2 Jul 2025 (focus-aws-part-1.csv).")
                .doesNotContain("$10.00 ·", "<!channel>", "esc-take", "esc-assign");
        assertThat(drumbeat.calls("chat.postMessage"))
                .as("nobody below leadership owns it")
                .hasSize(1);

        importedAfter(
                "2025-07",
                new FocusExports(Shape.AWS)
                        .usage(PAYMENTS, "Compute", "9000.00")
                        .usage(CRM, "Database", "500.00")
                        .usage(NOBODY, "Support", "400.00"));
        EscalationService.Applied july = ladder.sweep();
        drumbeat.drainOutbox();

        assertThat(july.closed()).as("$400 of $9,900 is 4.0%").isEqualTo(1);
        assertThat(closeReasons())
                .containsExactly("the latest whole month's unallocated spend is back within its share of the bill");
        assertThat(drumbeat.messages(LEADERS))
                .singleElement()
                .satisfies(m -> assertThat(m.text()).isEqualTo("Resolved — Cloud bills: unallocated spend"));
    }

    @Test
    void unallocated_spend_under_its_share_escalates_nothing() {
        importedAfter(
                "2025-06",
                new FocusExports(Shape.AWS)
                        .usage(PAYMENTS, "Compute", "9000.00")
                        .usage(CRM, "Database", "500.00")
                        .usage(NOBODY, "Support", "500.00"));

        assertThat(ladder.sweep().isEmpty())
                .as("$500 of $10,000 is 5%, not more")
                .isTrue();
    }

    @Test
    void only_leadership_and_admins_may_acknowledge_unallocated_spend() {
        importedAfter(
                "2025-06",
                new FocusExports(Shape.AWS).usage(PAYMENTS, "Compute", "100.00").usage(NOBODY, "Support", "100.00"));
        ladder.sweep();
        long id = onlyOpen(Reason.UNALLOCATED_SPEND);
        EscalationServiceActions actions = new EscalationServiceActions(
                new EscalationServiceChanges(ladder, new AuditLog(drumbeat.clock())), ladder);

        assertThatThrownBy(() -> actions.acknowledge(new Actor(TEAM, ALICE, Role.MEMBER), id))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("leadership or a Drumbeat admin can acknowledge");
        actions.acknowledge(new Actor(TEAM, LEAD, Role.LEADERSHIP), id);

        assertThat(drumbeat.count("escalations where acknowledged_by = '" + LEAD + "'"))
                .isEqualTo(1);
    }

    @Test
    void lists_and_the_digest_name_unallocated_spend_as_the_cloud_bills() {
        importedAfter(
                "2025-06",
                new FocusExports(Shape.AWS).usage(PAYMENTS, "Compute", "100.00").usage(NOBODY, "Support", "100.00"));
        ladder.sweep();

        EscalationDao.Listed listed =
                ladder.listOpen(TEAM, EnumSet.allOf(Reason.class), 10).get(0);
        assertThat(EscalationViewsListing.line(listed, drumbeat.clock().instant()))
                .startsWith("• *under an hour* · level 3 · unallocated spend · *Cloud bills* — $100 of the $200 bill");
    }

    /** The month's bill, one charge per sub-account and amount, imported on the 2nd of the month after it. */
    private void importedAfter(String month, String... accountsAndAmounts) {
        drumbeat.clock()
                .set(YearMonth.parse(month).plusMonths(1).atDay(2).atTime(9, 0).toInstant(ZoneOffset.UTC));
        imported(month, accountsAndAmounts);
    }

    private void importedAfter(String month, FocusExports bill) {
        drumbeat.clock()
                .set(YearMonth.parse(month).plusMonths(1).atDay(2).atTime(9, 0).toInstant(ZoneOffset.UTC));
        importNow(bill.in(month, "USD"), month);
    }

    private void imported(String month, String... accountsAndAmounts) {
        FocusExports bill = new FocusExports(Shape.AWS);
        for (int i = 0; i < accountsAndAmounts.length; i += 2) {
            bill.usage(accountsAndAmounts[i], "Compute", accountsAndAmounts[i + 1]);
        }
        importNow(bill.in(month, "USD"), month);
    }

    private void importNow(FocusExports bill, String name) {
        List<Path> files =
                bill.write(dir.resolve(name + "-" + drumbeat.clock().instant().toEpochMilli()), ".csv", 1);
        new CostImportService(drumbeat.jdbi(), new AuditLog(drumbeat.clock()), drumbeat.clock())
                .importFiles(TEAM, "cli", files, Currency.getInstance("USD"));
    }

    private static SlackStandInCall onlyPost(String channel) {
        List<SlackStandInCall> posts = drumbeat.posts(channel);
        assertThat(posts).as("posts to %s", channel).hasSize(1);
        return posts.get(0);
    }

    private static String blocks(SlackStandInCall call) {
        return String.valueOf(call.args().get("blocks"));
    }

    private static List<String> closeReasons() {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select close_reason from escalations where closed_at is not null")
                        .mapTo(String.class)
                        .list());
    }

    private static List<String> openDetails(Reason reason) {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery(
                                "select detail from escalations where closed_at is null and reason = :reason")
                        .bind("reason", reason.code())
                        .mapTo(String.class)
                        .list());
    }

    private static long onlyOpen(Reason reason) {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select id from escalations where closed_at is null and reason = :r")
                        .bind("r", reason.code())
                        .mapTo(Long.class)
                        .one());
    }

    private static int level(long id) {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select level from escalations where id = :id")
                        .bind("id", id)
                        .mapTo(Integer.class)
                        .one());
    }
}
