package dev.drumbeat.catalog.initiative;

import static dev.drumbeat.support.SlackPayloads.checked;
import static dev.drumbeat.support.SlackPayloads.option;
import static dev.drumbeat.support.SlackPayloads.text;
import static dev.drumbeat.support.SlackPayloads.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.sandbox.standin.SlackStandInCall;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.SlackReply;
import dev.drumbeat.support.TestDrumbeat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Initiatives from Slack: `initiative add` and `edit` open a modal that validates, saves and audits; `initiatives` lists. */
class InitiativeModalTest {
    static final String ALICE = "U0ALICE01";
    static final String BOB = "U0BOB0001";

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    @BeforeEach
    void seed() {
        drumbeat.seed()
                .person(TestDrumbeat.ADMIN, "ada", "member")
                .person(ALICE, "alice", "member")
                .person(BOB, "bob", "member")
                .service("data-centre", "Data Centre Hosting", "core", ALICE, "100", "1000", "90000")
                .service("payments-api", "Payments API", "core", ALICE, "0.12", "100000", "20000")
                .service("payroll", "Payroll", "secondary", BOB, "5", "100", "1000");
    }

    private static Map<String, Map<String, Object>> form(String budget, String due, String reliesOn) {
        Map<String, Map<String, Object>> values = new LinkedHashMap<>();
        values.put("key", text("cloud-migration"));
        values.put("name", text("Cloud Migration"));
        values.put("status", option("active"));
        values.put("protected", checked(""));
        values.put("owner", user(ALICE));
        values.put("budget", text(budget));
        values.put("monthly_slip_cost", text("$40,000"));
        values.put("due_date", text(due));
        values.put("relies_on", text(reliesOn));
        return values;
    }

    private static SlackReply submit(String userId, String metadata, Map<String, Map<String, Object>> values) {
        return drumbeat.submit(userId, InitiativeForm.CALLBACK_ID, metadata, values);
    }

    @Test
    void initiative_add_opens_a_modal_that_slack_accepts_and_only_for_admins() {
        assertThat(drumbeat.command(TestDrumbeat.ADMIN, "initiative add").status())
                .isEqualTo(200);
        List<SlackStandInCall> opens = drumbeat.calls("views.open");
        assertThat(opens)
                .singleElement()
                .satisfies(open -> assertThat(open.ok()).as(open.error()).isTrue());
        assertThat(drumbeat.slack().lastOpenedView(TestDrumbeat.ADMIN))
                .get()
                .asString()
                .contains("Add an initiative", "monthly_slip_cost", "relies_on");

        assertThat(drumbeat.command(ALICE, "initiative add").text())
                .contains("Only a Drumbeat admin can add initiatives");
        assertThat(drumbeat.calls("views.open")).hasSize(1);
    }

    @Test
    void bad_fields_come_back_under_each_field_and_nothing_is_stored() {
        SlackReply reply =
                submit(TestDrumbeat.ADMIN, "", form("12,5", "31/05/2027", "payments api\nthe mainframe\npay"));

        assertThat(reply.json().path("response_action").asText()).isEqualTo("errors");
        assertThat(reply.json().path("errors").path("budget").asText()).contains("ambiguous");
        assertThat(reply.json().path("errors").path("due_date").asText()).contains("YYYY-MM-DD");
        assertThat(reply.json().path("errors").path("relies_on").asText())
                .contains(
                        "No service is called “the mainframe”",
                        "“pay” could be Payroll (payroll) or Payments API (payments-api)")
                .doesNotContain("payments api”");
        assertThat(drumbeat.count("initiatives")).isZero();
    }

    @Test
    void a_saved_initiative_relies_on_the_services_named_is_audited_listed_and_answers_what_if() {
        SlackReply reply =
                submit(TestDrumbeat.ADMIN, "", form("2,400,000", "2027-05-31", "payments api, Data Centre Hosting"));

        assertThat(reply.json().path("response_action").asText()).isEqualTo("update");
        assertThat(reply.text()).contains("*Cloud Migration* (`cloud-migration`) is added, relying on 2 services");
        Map<String, Object> row =
                drumbeat.jdbi().withHandle(h -> h.createQuery("""
                select owner_id, cast(budget as text) as budget, cast(monthly_slip_cost as text) as slip,
                       cast(due_date as text) as due, status,
                       (select string_agg(s.key, ',' order by s.key) from initiative_services l
                          join services s on s.id = l.service_id where l.initiative_id = i.id) as relied_on
                  from initiatives i""").mapToMap().one());
        assertThat(row)
                .containsEntry("owner_id", ALICE)
                .containsEntry("budget", "2400000.00")
                .containsEntry("slip", "40000.00")
                .containsEntry("due", "2027-05-31")
                .containsEntry("status", "active")
                .containsEntry("relied_on", "data-centre,payments-api");
        assertThat(drumbeat.count("audit_log where entity = 'initiative' and action = 'create'"))
                .isEqualTo(1);

        assertThat(drumbeat.command(BOB, "initiatives").text())
                .contains(
                        "1 initiative",
                        "*Cloud Migration* `cloud-migration`"
                                + " · active · due 31 May 2027 · <@U0ALICE01> · budget $2,400,000 · delay $40,000/mo · relies on 2 services");
        assertThat(drumbeat.command(BOB, "ask what if the cloud migration slips 6 weeks")
                        .text())
                .contains(
                        "The slip costs *$55,385*: $40,000 a month for 6 weeks",
                        "leaving Cloud Migration and the 2 services it relies on alone",
                        "*Payroll* `payroll`");
    }

    @Test
    void its_owner_may_edit_it_and_others_may_not() {
        submit(TestDrumbeat.ADMIN, "", form("2400000", "", "payments-api"));

        assertThat(drumbeat.command(BOB, "initiative edit cloud migration").text())
                .contains("Only the initiative's owner or a Drumbeat admin");
        drumbeat.command(ALICE, "initiative edit cloud migration");
        assertThat(drumbeat.slack().lastOpenedView(ALICE)).get().asString().contains("Edit initiative", "payments-api");

        Map<String, Map<String, Object>> changed = form("2400000", "2027-09-30", "payroll");
        changed.remove("key");
        changed.put("status", option("planned"));
        assertThat(submit(ALICE, "cloud-migration", changed)
                        .json()
                        .path("response_action")
                        .asText())
                .isEqualTo("update");

        assertThat(drumbeat.command(ALICE, "initiatives").text())
                .contains("planned · due 30 Sept 2027", "relies on 1 service");
        assertThat(drumbeat.count("audit_log where entity = 'initiative' and action = 'update'"))
                .isEqualTo(1);
        assertThat(submit(BOB, "cloud-migration", changed)
                        .json()
                        .path("errors")
                        .path("name")
                        .asText())
                .contains("Only the initiative's owner");
    }

    @Test
    void an_initiative_name_that_fits_several_is_answered_with_their_keys() {
        drumbeat.seed()
                .initiative("cloud-a", "Cloud Migration", ALICE, "1", "1", null, "active")
                .initiative("cloud-b", "Cloud Migration", ALICE, "1", "1", null, "active");

        assertThat(drumbeat.command(ALICE, "initiative edit cloud migration").text())
                .contains("could be Cloud Migration (`cloud-a`), Cloud Migration (`cloud-b`)");
    }

    @Test
    void initiatives_says_how_to_add_one_when_there_are_none() {
        assertThat(drumbeat.command(ALICE, "initiatives").text())
                .contains("No initiatives yet", "/drumbeat initiative add");
        assertThat(drumbeat.command(ALICE, "initiative edit nothing").text())
                .contains("No initiative is called “nothing”");
    }
}
