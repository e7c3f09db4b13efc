package dev.drumbeat.costs;

import static dev.drumbeat.support.SlackPayloads.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Money;
import dev.drumbeat.core.Role;
import dev.drumbeat.sandbox.SlackDriver;
import dev.drumbeat.sandbox.standin.SlackStandInMessage;
import dev.drumbeat.slack.RequestVerifier;
import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.support.Await;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.FocusExports;
import dev.drumbeat.support.FocusExports.Shape;
import dev.drumbeat.support.SlackPayloads;
import dev.drumbeat.support.SlackReply;
import dev.drumbeat.support.TestDrumbeat;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * `/drumbeat costs rules` and `/drumbeat costs preview` end to end: signed requests into the real endpoint, the modal
 * and messages through the Slack stand-in, bills written as FOCUS files and imported for real.
 */
class CostRulesSlackTest {
    static final String TEAM = TestDrumbeat.TEAM;
    static final String ADMIN = TestDrumbeat.ADMIN;
    static final String MEMBER = "U0MEMBER1";
    static final String IN_FORCE = "match,key,value,services\nsub-account,,000111111111,crm\n";
    static final String DRAFT = "match,key,value,services\n"
            + "tag,user:service,payments,payments\n"
            + "sub-account,,000111111111,crm\n"
            + "resource-prefix,,arn:aws:eks:eu-west-1:000222222222:cluster/shared,payments:50 crm:30 intranet:20\n"
            + "provider-service,,Amazon Redshift,crm\n";
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    @TempDir
    Path dir;

    @BeforeEach
    void seed() {
        drumbeat.seed()
                .person(ADMIN, "ada", "admin")
                .person(MEMBER, "mel", "member")
                .service("payments", "Payments", "core", null, "1", "1", "1")
                .service("crm", "CRM", "secondary", null, "1", "1", "1")
                .service("intranet", "Intranet", "secondary", null, "1", "1", "1");
        rules().replace(TEAM, "cli", IN_FORCE.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void someone_who_is_not_an_admin_is_refused_and_sees_no_rules() {
        SlackReply reply = drumbeat.command(MEMBER, "costs rules");

        assertThat(reply.responseType()).isEqualTo("ephemeral");
        assertThat(reply.text()).contains("Only a Drumbeat admin can see and change how the bills are allocated");
        assertThat(drumbeat.calls("views.open")).isEmpty();
        assertThat(drumbeat.command(MEMBER, "costs preview").text()).contains("Only a Drumbeat admin");
    }

    @Test
    void help_lists_the_costs_command() {
        assertThat(drumbeat.command(MEMBER, "help").text()).contains("costs rules | costs preview");
    }

    @Test
    void the_modal_opens_with_the_rules_in_force_as_csv() {
        SlackReply reply = drumbeat.command(drumbeat.admin(), "costs rules");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(drumbeat.calls("views.open"))
                .singleElement()
                .satisfies(call -> assertThat(call.ok()).isTrue());
        JsonNode view = drumbeat.openedView(ADMIN);
        assertThat(view.path("callback_id").asText()).isEqualTo(CostRulesForm.CALLBACK_ID);
        JsonNode input = view.path("blocks").get(1);
        assertThat(input.path("element").path("initial_value").asText()).isEqualTo(IN_FORCE);
        assertThat(input.path("hint").path("text").asText()).contains("match,key,value,services");
    }

    @Test
    void rules_longer_than_a_slack_form_holds_open_a_modal_that_points_to_the_csv_over_http() {
        StringBuilder many = new StringBuilder("match,key,value,services\n");
        for (int i = 0; i < 120; i++) {
            many.append("sub-account,,0001111111")
                    .append(String.format("%02d", i))
                    .append(",crm\n");
        }
        rules().replace(TEAM, "cli", many.toString().getBytes(StandardCharsets.UTF_8));

        drumbeat.command(drumbeat.admin(), "costs rules");

        assertThat(drumbeat.openedViewText(ADMIN))
                .contains("more than the 3000 a Slack form holds", CostRulesRoutes.PATH, "/drumbeat token create");
    }

    @Test
    void a_bad_line_is_an_error_under_the_rules_that_names_it_and_nothing_is_saved() {
        SlackReply reply = submit("match,key,value,services\nsub-account,,1,crm\ntga,service,x,crm\n");

        assertThat(reply.json().path("response_action").asText()).isEqualTo("errors");
        assertThat(reply.json().path("errors").path(CostRulesForm.RULES).asText())
                .isEqualTo("Line 3: \"tga\" is not a match; use tag, sub-account, resource-prefix or"
                        + " provider-service. Nothing was changed.");
        assertThat(drumbeat.count("cost_rule_drafts")).isZero();
        assertThat(rules().csv(TEAM)).isEqualTo(IN_FORCE);
    }

    @Test
    void new_rules_are_previewed_then_applied_to_the_months_imported_and_undone() {
        importBills();
        assertThat(allocated("crm")).isEqualByComparingTo("140");

        SlackReply submitted = submit(DRAFT);

        assertThat(submitted.json().path("response_action").asText()).isEqualTo("update");
        assertThat(SlackReply.texts(submitted.json().path("view"))).contains("Nothing changes until you apply it");
        SlackStandInMessage preview = dm("Preview of the new allocation rules");
        assertThat(texts(preview))
                .contains(
                        "account 012345678901 (March 2025): *$460.00* amortised",
                        "*1.* tag `user:service=payments` → payments: *$40.00* (8.7%)",
                        "*2.* sub-account `000111111111` → crm: *$100.00* (21.7%)",
                        "→ payments 50%, crm 30%, intranet 20%: *$300.00* (65.2%)",
                        "*4.* provider-service `Amazon Redshift` → crm: _catches nothing_",
                        "Rule 4 catches nothing in these bills",
                        "*Unallocated:* $20.00 (4.3%)",
                        "• $12.34 — `AWS Support` · sub-account `000999999999`",
                        "• $7.66 — `Amazon S3`");
        assertThat(rules().csv(TEAM)).as("a preview saves nothing").isEqualTo(IN_FORCE);
        assertThat(allocated("crm")).isEqualByComparingTo("140");

        click(preview, CostsViews.APPLY);

        assertThat(drumbeat.openedViewText(ADMIN)).contains("The new rules are in force.");
        SlackStandInMessage applied = dm("Allocated again");
        assertThat(texts(applied))
                .contains(
                        "4 allocation rules are in force now (there was 1 before).",
                        "Allocated again: 1 month of the bills:",
                        "March 2025: unallocated $320.00 → $20.00; crm +$50.00, intranet +$60.00, payments +$190.00");
        assertThat(allocated("payments")).isEqualByComparingTo("190");
        assertThat(allocated("crm")).isEqualByComparingTo("190");
        assertThat(allocated("intranet")).isEqualByComparingTo("60");
        assertThat(rules().csv(TEAM)).isEqualTo(DRAFT);
        assertThat(drumbeat.count("audit_log where entity = 'cost-rules' and actor = '" + ADMIN + "'"))
                .isEqualTo(1);

        click(applied, CostsViews.UNDO);

        assertThat(drumbeat.openedViewText(ADMIN)).contains("The rules from before are back in force.");
        SlackStandInMessage undone = dm("1 allocation rule is in force now");
        assertThat(texts(undone)).contains("crm −$50.00, intranet −$60.00, payments −$190.00");
        assertThat(rules().csv(TEAM)).isEqualTo(IN_FORCE);
        assertThat(allocated("crm")).isEqualByComparingTo("140");
        assertThat(allocated("payments")).isEqualByComparingTo("0");
    }

    @Test
    void rules_put_in_force_by_a_drumbeat_that_stopped_before_allocating_are_allocated_later_and_said()
            throws Exception {
        importBills();
        Actor admin = new Actor(TEAM, ADMIN, Role.ADMIN);
        // the rules commit, then Drumbeat stops before its reply worker allocates the months again
        new CostRuleDrafts(drumbeat.jdbi(), new AuditLog(drumbeat.clock()), drumbeat.clock())
                .replace(admin, DRAFT.getBytes(StandardCharsets.UTF_8));
        assertThat(allocated("crm")).as("still the old rules' allocation").isEqualByComparingTo("140");
        Currency usd = Currency.getInstance("USD");
        try (CostsReplies replies = new CostsReplies(drumbeat.jdbi(), new Outbox(drumbeat.clock()))) {
            CostReallocationJob job = new CostReallocationJob(
                    drumbeat.jdbi(),
                    drumbeat.clock(),
                    new CostReallocation(drumbeat.jdbi(), new AuditLog(drumbeat.clock()), drumbeat.clock(), usd),
                    replies,
                    new CostsViews(new Money(usd)));

            job.execute(null);
            assertThat(allocated("crm"))
                    .as("left to the reply worker for a while")
                    .isEqualByComparingTo("140");

            drumbeat.clock().advance(CostReallocationJob.GRACE.plusSeconds(1));
            job.execute(null);
            job.execute(null);
        }

        assertThat(allocated("crm")).isEqualByComparingTo("190");
        assertThat(allocated("payments")).isEqualByComparingTo("190");
        assertThat(drumbeat.count("cost_reallocations_due")).isZero();
        assertThat(texts(dm("Drumbeat stopped before it had allocated the months already imported")))
                .contains("March 2025: unallocated $320.00 → $20.00; crm +$50.00, intranet +$60.00, payments +$190.00");
    }

    @Test
    void rules_applied_once_are_not_applied_again_and_discarded_ones_never() {
        importBills();
        submit(DRAFT);
        SlackStandInMessage preview = dm("Preview of the new allocation rules");

        click(preview, CostsViews.DISCARD);
        assertThat(drumbeat.openedViewText(ADMIN)).contains("Discarded");
        click(preview, CostsViews.APPLY);

        assertThat(drumbeat.openedViewText(ADMIN)).contains("Those rules were discarded already; nothing was changed.");
        assertThat(rules().csv(TEAM)).isEqualTo(IN_FORCE);
    }

    @Test
    void a_preview_whose_files_are_gone_says_which_and_that_importing_them_again_makes_it_possible() throws Exception {
        List<Path> files = importBills();
        for (Path file : files) {
            Files.delete(file);
        }

        SlackReply reply = drumbeat.command(drumbeat.admin(), "costs preview");

        assertThat(reply.text()).contains("the preview comes in your messages with Drumbeat");
        SlackStandInMessage preview = dm("What the allocation rules catch");
        assertThat(texts(preview))
                .contains(
                        "Account 012345678901, March 2025, is not in this preview",
                        "gone or unreadable: " + files.get(0).toAbsolutePath(),
                        "Importing its bills again");
    }

    @Test
    void applying_keeps_a_month_whose_files_are_gone_and_names_it() throws Exception {
        List<Path> files = importBills();
        for (Path file : files) {
            Files.delete(file);
        }
        submit(DRAFT);

        click(dm("Preview of the new allocation rules"), CostsViews.APPLY);

        assertThat(texts(dm("Allocated again")))
                .contains("Account 012345678901, March 2025, keeps its allocation: its files are gone");
        assertThat(allocated("crm")).isEqualByComparingTo("140");
        assertThat(rules().csv(TEAM)).isEqualTo(DRAFT);
    }

    @Test
    void forged_and_unsigned_submissions_get_401_and_save_nothing() {
        String body = SlackDriver.formBody(Map.of(
                "payload",
                SlackDriver.json(SlackPayloads.viewSubmission(
                        TEAM, ADMIN, CostRulesForm.CALLBACK_ID, "", Map.of(CostRulesForm.RULES, text(DRAFT))))));
        String ts = Long.toString(drumbeat.clock().instant().getEpochSecond());
        String wrong = RequestVerifier.sign("not-the-secret".getBytes(StandardCharsets.UTF_8), ts, body);

        assertThat(drumbeat.driver()
                        .sendSigned(body, "application/x-www-form-urlencoded", ts, wrong)
                        .statusCode())
                .isEqualTo(401);
        assertThat(drumbeat.driver()
                        .sendSigned(body, "application/x-www-form-urlencoded", null, null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(drumbeat.count("cost_rule_drafts")).isZero();
    }

    private static CostRules rules() {
        return new CostRules(drumbeat.jdbi(), new AuditLog(drumbeat.clock()));
    }

    /** March's bills of one AWS account, imported with the rules in force: crm takes account 000111111111. */
    private List<Path> importBills() {
        FocusExports bills = new FocusExports(Shape.AWS)
                .add(charge("000111111111", "Amazon RDS", "db-1", "{}", "100.00"))
                .add(charge(
                        "000222222222",
                        "Amazon EKS",
                        "arn:aws:eks:eu-west-1:000222222222:cluster/shared",
                        "{}",
                        "300.00"))
                .add(charge("000111111111", "Amazon EC2", "i-1", "{\"user:service\": \"payments\"}", "40.00"))
                .add(charge("000999999999", "AWS Support", "", "{}", "12.34"))
                .add(charge("000999999999", "Amazon S3", "bucket-logs", "{}", "7.66"));
        List<Path> files =
                bills.write(dir, ".csv", 2).stream().map(Path::toAbsolutePath).toList();
        new CostImportService(drumbeat.jdbi(), new AuditLog(drumbeat.clock()), drumbeat.clock())
                .importFiles(TEAM, "cli", files, Currency.getInstance("USD"));
        return files;
    }

    private static FocusExports.Charge charge(
            String subAccount, String service, String resource, String tags, String cost) {
        return FocusExports.awsMarch(subAccount, service, resource, tags, cost);
    }

    private static SlackReply submit(String csv) {
        return drumbeat.submit(ADMIN, CostRulesForm.CALLBACK_ID, "", Map.of(CostRulesForm.RULES, text(csv)));
    }

    /** The direct message to the admin whose text holds {@code words}, once the outbox has sent it. */
    private static SlackStandInMessage dm(String words) {
        String channel = drumbeat.slack().directChannelOf(ADMIN);
        Await.until(
                "a direct message saying \"" + words + "\"",
                () -> find(channel, words).isPresent(),
                () -> drumbeat.messages(channel).stream()
                        .map(CostRulesSlackTest::texts)
                        .toList()
                        .toString());
        return find(channel, words).orElseThrow();
    }

    private static Optional<SlackStandInMessage> find(String channel, String words) {
        return drumbeat.messages(channel).stream()
                .filter(message -> texts(message).contains(words))
                .reduce((first, second) -> second);
    }

    private static String texts(SlackStandInMessage message) {
        return message.text() + "\n" + SlackReply.texts(JSON.valueToTree(message.blocks()));
    }

    /** Clicks the button {@code actionId} on the message, with the value it carries. */
    private static void click(SlackStandInMessage message, String actionId) {
        JsonNode blocks = JSON.valueToTree(message.blocks());
        String value = null;
        for (JsonNode block : blocks) {
            for (JsonNode element : block.path("elements")) {
                if (element.path("action_id").asText().equals(actionId)) {
                    value = element.path("value").asText();
                }
            }
        }
        assertThat(value).as("a button " + actionId + " in " + blocks).isNotNull();
        drumbeat.clickInChannel(ADMIN, message.channel(), message.ts(), false, actionId, value);
    }

    private static BigDecimal allocated(String serviceKey) {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select coalesce(sum(a.effective_cost), 0) from cost_allocations a"
                                + " join services s on s.id = a.service_id where s.key = :key")
                        .bind("key", serviceKey)
                        .mapTo(BigDecimal.class)
                        .one());
    }
}
