package dev.drumbeat.ask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.checkin.prompt.PromptService;
import dev.drumbeat.digest.DigestSection;
import dev.drumbeat.digest.DigestService;
import dev.drumbeat.escalation.EscalationService;
import dev.drumbeat.support.Await;
import dev.drumbeat.support.Sweeps;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The policy for what a decision deprioritised: the service is being wound down. Its owner is not asked to check in
 * and it is not escalated as stale; it stays in the costs; the digest lists it as winding down; and undoing the
 * decision revives it, owing check-ins only from the moment it was revived.
 */
class WindingDownTest extends AskFixture {
    static final String LEADERSHIP = "C0LEADERS";
    static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant WEDNESDAY = Instant.parse("2026-11-25T10:00:00Z");
    static final Instant FRIDAY = Instant.parse("2026-11-27T17:00:00Z");
    static final Instant NEXT_MONDAY = Instant.parse("2026-11-30T10:00:00Z");
    static final Instant NEXT_WEDNESDAY = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void a_deprioritised_service_is_not_asked_about_not_stale_listed_as_winding_down_and_revived_by_undo() {
        drumbeat.execute("update services set created_at = '2026-01-01', owner_since = '2026-01-01'");
        drumbeat.clock().set(MONDAY);
        clickPrivate(LEAD, AskViews.RECORD, answerId());
        assertThat(keys("select key from services where deprioritised_by is not null"))
                .containsExactly("crm", "intranet");

        prompts().sendDuePrompts();
        assertThat(askedAbout()).contains("payments", "ledger").doesNotContain("crm", "intranet");

        drumbeat.clock().set(WEDNESDAY);
        escalations().sweep();
        assertThat(staleEscalations()).contains("ledger").doesNotContain("crm", "intranet");

        drumbeat.clock().set(FRIDAY);
        digests().sendDueDigests();
        Await.until("the digest posted", () -> !drumbeat.posts(LEADERSHIP).isEmpty());
        assertThat(String.valueOf(drumbeat.posts(LEADERSHIP).get(0).args().get("blocks")))
                .contains("Winding down", "CRM, Intranet", "not checked in");

        String decision = keys("select id::text from decisions").get(0);
        clickPrivate(LEAD, AskViews.UNDO + ":" + decision, decision);
        escalations().sweep();
        assertThat(staleEscalations())
                .as("revived, it owes nothing from before")
                .doesNotContain("crm", "intranet");

        drumbeat.clock().set(NEXT_MONDAY);
        prompts().sendDuePrompts();
        assertThat(askedAbout()).contains("crm", "intranet");
        drumbeat.clock().set(NEXT_WEDNESDAY);
        escalations().sweep();
        assertThat(staleEscalations())
                .as("unanswered after its revival, it is stale again")
                .contains("crm");
    }

    private static String answerId() {
        return buttonValue(ask(LEAD, "what can we deprioritise to save 12k a month?"), AskViews.RECORD);
    }

    private static List<String> askedAbout() {
        return keys("select distinct s.key from checkin_prompt_services ps join services s on s.id = ps.service_id");
    }

    private static List<String> staleEscalations() {
        return keys(
                "select s.key from escalations e join services s on e.subject_kind = 'service' and s.id = e.subject_id"
                        + " where e.reason = 'stale' and e.closed_at is null");
    }

    private static List<String> keys(String sql) {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    private static PromptService prompts() {
        return Sweeps.prompts(drumbeat);
    }

    private static EscalationService escalations() {
        return Sweeps.escalations(drumbeat, LEADERSHIP);
    }

    private static DigestService digests() {
        return Sweeps.digests(drumbeat, LEADERSHIP, DigestSection.NONE);
    }
}
