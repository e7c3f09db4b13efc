package dev.drumbeat.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.sandbox.standin.SlackStandInCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;

/** Leadership asks what to deprioritise, records the decision from the answer, and the owners hear of it. */
@ExtendWith(SandboxExtension.class)
class AdvisorBrowserIT {
    /** Daniel Reyes, the CFO. */
    private static final String DANIEL = "U0NWB02DR";

    private static final String ANSWER = "What to deprioritise to save $50,000 a month";

    @Test
    void leadership_records_the_advisors_answer_as_a_decision_and_owners_are_told(SandboxBrowser browser) {
        SandboxPage page = browser.sandbox()
                .actAs(DANIEL)
                .openDm()
                .send("/drumbeat ask what can we deprioritise to save 50k a month?");
        WebElement answer = page.message(ANSWER);
        assertThat(answer.getText()).contains("Left alone");
        browser.screenshot("advisor-answer");

        page.click(answer, "Record decision");
        String confirmation = page.modal().awaitShowing("Recorded decision #").text();
        assertThat(confirmation).contains("saving $", "told by direct message");
        browser.screenshot("advisor-decision");

        SlackStandInCall told = browser.await(
                "a direct message telling an owner",
                d -> browser.demo().slack().calls("chat.postMessage").stream()
                        .filter(AdvisorBrowserIT::tellsOfTheDecision)
                        .findFirst()
                        .orElse(null));
        assertThat(told.args().get("channel")).asString().doesNotStartWith("C");
    }

    private static boolean tellsOfTheDecision(SlackStandInCall call) {
        return call.ok() && String.valueOf(call.args().get("text")).contains("recorded decision #");
    }
}
