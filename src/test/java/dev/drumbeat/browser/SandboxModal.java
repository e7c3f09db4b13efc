package dev.drumbeat.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The sandbox's modal (#overlay.open, #modal): inputs #f_&lt;block id&gt;, field errors #e_&lt;block id&gt;,
 * #submit and #cancel. A select or radio-button input is set by option value, a text input by typing.
 */
final class SandboxModal {
    private final SandboxBrowser browser;

    SandboxModal(SandboxBrowser browser) {
        this.browser = browser;
    }

    /** Waits for the modal to open and show {@code text}. */
    SandboxModal awaitShowing(String text) {
        browser.await(
                "the modal showing \"" + text + "\"",
                d -> isOpen() && find("#modal").getText().contains(text));
        return this;
    }

    SandboxModal fill(String blockId, String value) {
        WebElement input = find("#f_" + blockId);
        if (input.getTagName().equals("select")) {
            new Select(input).selectByValue(value);
        } else if (!input.findElements(By.cssSelector("input[type=radio]")).isEmpty()) {
            input.findElement(By.cssSelector("input[type=radio][value='" + value + "']"))
                    .click();
        } else {
            input.clear();
            input.sendKeys(value);
        }
        return this;
    }

    SandboxModal submit() {
        find("#submit").click();
        return this;
    }

    /** The error shown under {@code blockId}'s field, once there is one. */
    String errorUnder(String blockId) {
        return browser.await("an error under " + blockId, d -> {
            String error = find("#e_" + blockId).getText().strip();
            return error.isEmpty() ? null : error;
        });
    }

    SandboxModal close() {
        find("#cancel").click();
        browser.await("the modal to close", d -> !isOpen());
        return this;
    }

    String text() {
        return find("#modal").getText();
    }

    private boolean isOpen() {
        return !browser.driver().findElements(By.cssSelector("#overlay.open")).isEmpty();
    }

    private WebElement find(String css) {
        return browser.driver().findElement(By.cssSelector(css));
    }
}
