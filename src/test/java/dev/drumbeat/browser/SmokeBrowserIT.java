package dev.drumbeat.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The browser tests' own footing: the demo starts, headless Chromium loads the sandbox page, a screenshot is kept. */
@ExtendWith(SandboxExtension.class)
class SmokeBrowserIT {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G'};

    @Test
    void headless_chromium_loads_the_sandbox_page_and_keeps_a_screenshot(SandboxBrowser browser) throws Exception {
        browser.sandbox();

        assertThat(browser.driver().getTitle()).contains("Drumbeat");
        Path screenshot = browser.screenshot("sandbox-loaded");
        assertThat(Files.readAllBytes(screenshot)).startsWith(PNG_SIGNATURE);
    }

    @Test
    void a_mention_is_answered_in_a_channel_thread_but_not_in_a_direct_message(SandboxBrowser browser) {
        SandboxPage page = SandboxPage.open(browser).actAs("U0NWB01GO").openDm();
        page.send("@Drumbeat who owns payments?");
        assertThat(page.notice("use /drumbeat ask")).contains("answers @mentions in channels");

        page.openConversation("C0LEADERS").send("@Drumbeat who owns payments?");
        assertThat(page.threadReply("who owns payments?", "is owned by").getText())
                .contains("Payments");
    }
}
