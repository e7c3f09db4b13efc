package dev.drumbeat.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.sandbox.standin.SlackStandInCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The weekly check-in as an owner lives it in the sandbox: the Monday prompt, the modal, its validation, the updated DM. */
@ExtendWith(SandboxExtension.class)
class CheckInBrowserIT {
    /** Aisha Khan, in London, owns Payments Gateway (listed first in her prompt) and Card Issuing. */
    private static final String AISHA = "U0NWB05AK";

    private static final String PROMPT = "Weekly check-in · week of 23 Nov";
    private static final String AVAILABILITY = "kpi-availability";

    @Test
    void an_owner_checks_in_from_the_monday_prompt_and_fixes_a_field_the_modal_refused(SandboxBrowser browser) {
        SandboxPage page = browser.sandbox().actAs(AISHA).advanceToMonday().openDm();
        WebElement prompt = page.message(PROMPT);
        String promptTs = prompt.getAttribute("data-ts");
        browser.screenshot("sandbox");

        page.click(prompt, "Check in");
        SandboxModal modal = page.modal().awaitShowing("Payments Gateway");
        modal.fill("status", "green").fill(AVAILABILITY, "nearly all of it").submit();
        assertThat(modal.errorUnder(AVAILABILITY)).isNotBlank();
        browser.screenshot("checkin-field-error");

        modal.fill(AVAILABILITY, "99.95").submit();
        assertThat(modal.awaitShowing("Check-in recorded").text()).contains("Payments Gateway", "green");
        modal.close();

        WebElement updated = browser.await("the prompt marked edited", d -> edited(page.messageAt(promptTs)));
        assertThat(updated.getText()).contains("Payments Gateway — green, checked in by");
        assertThat(browser.demo().slack().calls("chat.update")).anyMatch(CheckInBrowserIT::updatedCheckedIn);
    }

    private static WebElement edited(WebElement message) {
        return message.findElements(By.cssSelector(".edited")).isEmpty() ? null : message;
    }

    private static boolean updatedCheckedIn(SlackStandInCall call) {
        return call.ok() && String.valueOf(call.args().get("blocks")).contains("checked in by");
    }
}
