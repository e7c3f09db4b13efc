package dev.drumbeat.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The sandbox page as a reader meets it: a conversation full of charts that stays on its newest message, Slack's
 * date tokens and Drumbeat's emoji drawn as Slack draws them, and a layout that works on a phone-sized screen.
 */
@ExtendWith(SandboxExtension.class)
class SandboxPageBrowserIT {
    /** Grace Okafor, the CIO, in London: on the demo's Sunday evening in November her clock reads UTC. */
    private static final String GRACE = "U0NWB01GO";

    private static final List<String> SERVICES_WITH_CHARTS =
            List.of("Payments Gateway", "Core Banking Ledger", "Trade Settlement", "Data Warehouse");

    @Test
    void the_newest_message_stays_in_view_as_chart_images_load_unless_the_reader_scrolled_up(SandboxBrowser browser)
            throws Exception {
        SandboxPage page = browser.sandbox().actAs(GRACE).openDm();
        for (String service : SERVICES_WITH_CHARTS) {
            page.send("/drumbeat status " + service.toLowerCase());
            page.message(service);
        }
        browser.await("the charts to load", d -> imagesLoaded(browser) >= SERVICES_WITH_CHARTS.size() ? true : null);

        page.send("/drumbeat whoami");
        page.message("You are");
        browser.await("every chart loaded", d -> imagesLoaded(browser) == images(browser) ? true : null);
        browser.await("the newest message in view", d -> newestInView(browser) ? true : null);
        assertThat(script(
                        browser,
                        "const b = document.getElementById('messages');"
                                + " return b.scrollHeight > b.clientHeight * 2;"))
                .as("a conversation taller than the screen")
                .isEqualTo(true);

        script(browser, "document.getElementById('messages').scrollTop = 0;");
        say(browser, GRACE, browser.demo().slack().directChannelOf(GRACE), "A note while you read up there");
        page.message("A note while you read up there");
        assertThat(((Number) script(browser, "return document.getElementById('messages').scrollTop;")).intValue())
                .as("a reader who scrolled up stays where they are")
                .isLessThan(50);
    }

    @Test
    void date_tokens_and_drumbeats_emoji_read_as_in_slack(SandboxBrowser browser) {
        SandboxPage page = browser.sandbox().actAs(GRACE).openDm().send("/drumbeat dashboard");
        String answer = page.message("Your dashboard link").getText();
        assertThat(answer).contains("📊", "Expires 8:15 PM.").doesNotContain(":bar_chart:", "@in 15 minutes");

        Object rendered = script(
                browser,
                "return ['<!date^1795381200^{date_num} {time_secs}|x>', '<!date^1795381200^{date_short}|x>',"
                        + " '<!date^1795381200^{date_long} at {time}|x>', '<!date^1795381200^{date}|x>',"
                        + " '<!date^1795381200^{date_short_pretty} {time}|x>', '<!date^1795294800^{date_pretty}|x>',"
                        + " '<!date^1795381200^{date}^https://example.com/d|x>', '<!date^soon^{date}|in a while>',"
                        + " '<!date^1795381200^{fortnight}|on the day>']"
                        + ".map(t => BlockKit.mrkdwn(t).replace(/<[^>]+>/g, ''));");
        assertThat(rendered)
                .isEqualTo(List.of(
                        "2026-11-22 9:00:00 PM",
                        "Nov 22, 2026",
                        "Sunday, November 22nd, 2026 at 9:00 PM",
                        "November 22nd, 2026",
                        "Today 9:00 PM",
                        "Yesterday",
                        "November 22nd, 2026",
                        "in a while",
                        "on the day"));
        assertThat(script(browser, "return BlockKit.mrkdwn('<!date^1795381200^{date}^https://example.com/d|x>');"))
                .asString()
                .contains("href=\"https://example.com/d\"");
    }

    @Test
    void at_phone_width_nothing_runs_off_the_side_and_the_composer_sends(SandboxBrowser browser) {
        Dimension wide = browser.driver().manage().window().getSize();
        browser.driver().manage().window().setSize(new Dimension(380, 800));
        try {
            SandboxPage page = browser.sandbox();
            page.openMenuIfFolded().actAs(GRACE).openDm();
            page.send("/drumbeat status payments gateway");
            page.message("Payments Gateway");
            browser.await("the card's charts", d -> imagesLoaded(browser) > 0 ? true : null);
            page.send("/drumbeat whoami");
            page.message("You are");
            browser.await("the newest message in view", d -> newestInView(browser) ? true : null);

            assertThat(script(browser, "return document.documentElement.scrollWidth <= window.innerWidth;"))
                    .as("the page is no wider than the screen")
                    .isEqualTo(true);
            assertThat(script(
                            browser,
                            "const b = document.getElementById('messages'); return b.scrollWidth <= b.clientWidth;"))
                    .as("messages wrap rather than scroll sideways")
                    .isEqualTo(true);
            WebElement input = browser.driver().findElement(By.id("text"));
            WebElement send = browser.driver().findElement(By.cssSelector("#composer button"));
            assertThat(input.getSize().getWidth()).as("room to type").isGreaterThanOrEqualTo(200);
            assertThat(send.getLocation().getX() + send.getSize().getWidth())
                    .as("the Send button on screen")
                    .isLessThanOrEqualTo(380);
            browser.screenshot("sandbox-narrow");
            page.openMenuIfFolded();
            browser.await(
                    "the sidebar slid in over the conversation, within the screen",
                    d -> (Boolean) script(
                                    browser,
                                    "const r = document.getElementById('sidebar').getBoundingClientRect();"
                                            + " return r.left >= 0 && r.right <= window.innerWidth;")
                            ? true
                            : null);
            browser.screenshot("sandbox-narrow-menu");
        } finally {
            browser.driver().manage().window().setSize(wide);
        }
    }

    private static long imagesLoaded(SandboxBrowser browser) {
        return (Long) script(
                browser,
                "return [...document.querySelectorAll('#messages img')]"
                        + ".filter(i => i.complete && i.naturalHeight > 0).length;");
    }

    private static long images(SandboxBrowser browser) {
        return (Long) script(browser, "return document.querySelectorAll('#messages img').length;");
    }

    /** Whether the conversation's last message shows within the visible part of the message list. */
    private static boolean newestInView(SandboxBrowser browser) {
        return (Boolean) script(
                browser,
                "const box = document.getElementById('messages').getBoundingClientRect();"
                        + " const all = document.querySelectorAll('#messages .msg');"
                        + " if (!all.length) return false;"
                        + " const last = all[all.length - 1].getBoundingClientRect();"
                        + " return last.bottom <= box.bottom + 2 && last.top >= box.top - 2;");
    }

    private static Object script(SandboxBrowser browser, String js) {
        return ((JavascriptExecutor) browser.driver()).executeScript(js);
    }

    /** Says something in a conversation through the sandbox's API, as another tab would: not from this page. */
    private static void say(SandboxBrowser browser, String userId, String channel, String text) throws Exception {
        String body = new ObjectMapper().writeValueAsString(Map.of("userId", userId, "channel", channel, "text", text));
        HttpRequest request = HttpRequest.newBuilder(URI.create(browser.url("/sandbox/api/message")))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
