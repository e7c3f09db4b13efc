package dev.drumbeat.browser;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The sandbox page, driven through the ids and classes it promises (#user, #text, #day, #monday, #now,
 * .conversation[data-channel], #messages .msg, button.action, .thread-link, #thread), so tests read as steps.
 */
final class SandboxPage {
    private final SandboxBrowser browser;

    private SandboxPage(SandboxBrowser browser) {
        this.browser = browser;
    }

    static SandboxPage open(SandboxBrowser browser) {
        browser.open("/sandbox");
        browser.await(
                "the demo's people in #user",
                d -> !d.findElements(By.cssSelector("#user option")).isEmpty());
        return new SandboxPage(browser);
    }

    /** On a narrow screen the sidebar folds away behind #menu-toggle: opens it, so people and conversations show. */
    SandboxPage openMenuIfFolded() {
        browser.driver().findElements(By.cssSelector("#menu-toggle")).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .ifPresent(WebElement::click);
        return this;
    }

    SandboxPage actAs(String userId) {
        new Select(find("#user")).selectByValue(userId);
        return this;
    }

    /** Types into the composer and sends: `/drumbeat …` is a slash command, `@Drumbeat …` a mention. */
    SandboxPage send(String text) {
        WebElement box = find("#text");
        box.clear();
        box.sendKeys(text, Keys.ENTER);
        return this;
    }

    SandboxPage advanceOneDay() {
        return moveClock("#day");
    }

    SandboxPage advanceToMonday() {
        return moveClock("#monday");
    }

    SandboxPage openConversation(String channel) {
        return openEntry(".conversation[data-channel='" + channel + "']");
    }

    /** The selected person's direct messages with Drumbeat. */
    SandboxPage openDm() {
        return openEntry(".conversation.dm");
    }

    SandboxPage openHome() {
        return openConversation("home");
    }

    String title() {
        return find("#conversation-title").getText();
    }

    /** The Home tab's text, once it shows all of {@code texts}. */
    String homeTab(String... texts) {
        return browser.await("the Home tab showing " + String.join(", ", texts), d -> {
            WebElement tab = find("#home-tab");
            String text = tab.isDisplayed() ? tab.getText() : "";
            return List.of(texts).stream().allMatch(text::contains) ? text : null;
        });
    }

    /** The page's passing notice (a toast), once it says {@code text}. */
    String notice(String text) {
        return browser.await("a notice saying \"" + text + "\"", d -> {
            WebElement toast = find("#toast");
            return toast.isDisplayed() && toast.getText().contains(text) ? toast.getText() : null;
        });
    }

    /** The first message in the open conversation whose text contains {@code text}, once it shows. */
    WebElement message(String text) {
        return browser.await("a message saying \"" + text + "\"", d -> firstContaining("#messages .msg", text));
    }

    /** The message with Slack timestamp {@code ts}, once it shows. */
    WebElement messageAt(String ts) {
        return browser.await(
                "the message " + ts,
                d -> d.findElements(By.cssSelector("#messages .msg[data-ts='" + ts + "']")).stream()
                        .findFirst()
                        .orElse(null));
    }

    /** Clicks the button labelled {@code label} in {@code message}. */
    SandboxPage click(WebElement message, String label) {
        clickOnceShown("a \"" + label + "\" button", () -> button(message, label));
        return this;
    }

    /** Opens {@code message}'s thread and gives the first reply there containing {@code text}. */
    WebElement threadReply(WebElement message, String text) {
        message.findElement(By.cssSelector(".thread-link")).click();
        return browser.await(
                "a reply in the thread saying \"" + text + "\"", d -> firstContaining("#thread .msg", text));
    }

    /**
     * Opens the thread of the message saying {@code said} once a reply arrives (found afresh each time, since the page
     * redraws a message when its thread grows), and gives the first reply there containing {@code text}.
     */
    WebElement threadReply(String said, String text) {
        clickOnceShown(
                "a thread under the message saying \"" + said + "\"",
                () -> browser.driver().findElements(By.cssSelector("#messages .msg")).stream()
                        .filter(m -> m.getText().contains(said))
                        .flatMap(m -> m.findElements(By.cssSelector(".thread-link")).stream())
                        .findFirst()
                        .orElse(null));
        return browser.await(
                "a reply in the thread saying \"" + text + "\"", d -> firstContaining("#thread .msg", text));
    }

    SandboxModal modal() {
        return new SandboxModal(browser);
    }

    private SandboxPage moveClock(String control) {
        String before = find("#now").getText();
        find(control).click();
        browser.await(
                "the demo clock to move on from " + before,
                d -> !find("#now").getText().equals(before));
        return this;
    }

    private SandboxPage openEntry(String css) {
        clickOnceShown(
                "the sidebar entry " + css,
                () -> browser.driver().findElements(By.cssSelector(css)).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
        return this;
    }

    /**
     * Finds and clicks in one waited step: the page redraws its sidebar and messages as events arrive, so an element
     * found a moment ago can be gone by the click; a stale one is found afresh rather than failing the test.
     */
    private void clickOnceShown(String what, Supplier<WebElement> finder) {
        browser.await(what, d -> {
            WebElement element = finder.get();
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
    }

    private WebElement firstContaining(String css, String text) {
        List<WebElement> found = browser.driver().findElements(By.cssSelector(css));
        return found.stream()
                .filter(m -> m.getText().contains(text))
                .findFirst()
                .orElse(null);
    }

    private static WebElement button(WebElement message, String label) {
        Optional<WebElement> button = message.findElements(By.cssSelector("button.action")).stream()
                .filter(b -> b.getText().strip().equals(label))
                .findFirst();
        return button.orElse(null);
    }

    private WebElement find(String css) {
        return browser.driver().findElement(By.cssSelector(css));
    }
}
