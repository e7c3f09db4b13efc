package dev.drumbeat.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.Demo;
import dev.drumbeat.escalation.EscalationJob;
import dev.drumbeat.sandbox.DemoWorkspace;
import dev.drumbeat.sandbox.standin.SlackStandInMessage;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;

/**
 * An escalation climbs the ladder, owner → team → leadership, as the sandbox's days go by. Ownerless services
 * start at the top, so an escalation at leadership for any other reason got there by climbing.
 */
@ExtendWith(SandboxExtension.class)
class EscalationBrowserIT {
    private static final String AT_LEADERSHIP = "Escalation, level 3 — ";
    private static final String STARTS_AT_THE_TOP = ": no owner";
    private static final String GRACE = "U0NWB01GO";
    /** The ladder reaches the top in 96 hours by default; a day's slack for the last sweep's messages. */
    private static final int MOST_DAYS = 6;

    private int daysAdvanced;
    /** The sweep count when the clock last moved: a higher count means that day's sweep has run. */
    private double sweepsBeforeLastMove;

    @Test
    void an_escalation_climbs_to_the_leadership_channel_as_days_pass(SandboxBrowser browser) {
        SandboxPage page = browser.sandbox().actAs(GRACE);
        browser.await("the first escalation sweep", d -> sweeps(browser) > 0);
        assertThat(climbed(browser.demo()))
                .as("an escalation at the top at the start")
                .isEmpty();

        SlackStandInMessage escalation = browser.await(
                "an escalation that climbed to " + DemoWorkspace.LEADERSHIP_CHANNEL,
                Duration.ofSeconds(90),
                d -> climbedElseNextDay(browser, page).orElse(null));
        assertThat(daysAdvanced).as("days it took to climb").isBetween(2, MOST_DAYS);

        String service = serviceNamed(escalation);
        page.openConversation(DemoWorkspace.LEADERSHIP_CHANNEL);
        WebElement shown = escalation.threadTs() == null
                ? page.messageAt(escalation.ts())
                : page.threadReply(page.messageAt(escalation.threadTs()), service);
        assertThat(shown.getText()).contains(service, "Acknowledge");
        browser.screenshot("leadership-escalation");
    }

    /** Each poll finds a climbed escalation, or, once the last day's sweep has run, moves the demo on a day. */
    private Optional<SlackStandInMessage> climbedElseNextDay(SandboxBrowser browser, SandboxPage page) {
        Optional<SlackStandInMessage> found = climbed(browser.demo());
        double sweeps = sweeps(browser);
        if (found.isEmpty() && sweeps > sweepsBeforeLastMove && daysAdvanced < MOST_DAYS) {
            sweepsBeforeLastMove = sweeps;
            page.advanceOneDay();
            daysAdvanced++;
        }
        return found;
    }

    private static double sweeps(SandboxBrowser browser) {
        return JobRuns.of(browser, EscalationJob.NAME);
    }

    private static Optional<SlackStandInMessage> climbed(Demo demo) {
        return demo.slack().messages(DemoWorkspace.LEADERSHIP_CHANNEL).stream()
                .filter(m -> m.text() != null
                        && m.text().startsWith(AT_LEADERSHIP)
                        && !m.text().contains(STARTS_AT_THE_TOP))
                .findFirst();
    }

    /** "Escalation, level 3 — Trade Settlement: KPI off target" names Trade Settlement. */
    private static String serviceNamed(SlackStandInMessage escalation) {
        String what = escalation.text().substring(AT_LEADERSHIP.length());
        return what.substring(0, what.indexOf(':'));
    }
}
