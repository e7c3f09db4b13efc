package dev.drumbeat.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** What people read rather than answer: an owner's Home tab, and the web dashboard `/drumbeat dashboard` opens. */
@ExtendWith(SandboxExtension.class)
class HomeAndDashboardBrowserIT {
    /** Aisha Khan owns Payments Gateway and Card Issuing. */
    private static final String AISHA = "U0NWB05AK";

    private static final String GRACE = "U0NWB01GO";
    private static final Pattern ONE_TIME_LINK =
            Pattern.compile("https?://[^\\s\"'<>&]+/dashboard/open\\?t=[^\\s\"'<>&]+");

    @Test
    void an_owner_opens_the_home_tab_and_sees_their_services(SandboxBrowser browser) {
        SandboxPage page = browser.sandbox().actAs(AISHA).openHome();

        String home = page.homeTab("Your Drumbeat", "Payments Gateway", "Card Issuing");
        assertThat(home).contains("Your services");
        assertThat(page.title()).contains("Home");
        browser.screenshot("home-tab");
    }

    @Test
    void the_dashboard_command_links_to_the_portfolio_table_and_its_service_pages(SandboxBrowser browser) {
        browser.sandbox().actAs(GRACE).openDm().send("/drumbeat dashboard");
        String link = browser.await("a one-time dashboard link", d -> oneTimeLink(d.getPageSource()));

        browser.driver().get(link);
        List<WebElement> rows =
                browser.await("the portfolio table", d -> rowsOrNull(d.findElements(By.cssSelector("table tbody tr"))));
        assertThat(rows).anyMatch(row -> row.getText().contains("Core Banking Ledger"));
        assertThat(browser.driver().getCurrentUrl()).contains("/dashboard").doesNotContain("t=");
        browser.screenshot("dashboard");

        browser.driver()
                .findElement(By.cssSelector("a[href$='/dashboard/services/payments-gateway']"))
                .click();
        browser.await(
                "the Payments Gateway page", d -> d.getCurrentUrl().endsWith("/dashboard/services/payments-gateway"));
        assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains("Payments Gateway");
    }

    private static String oneTimeLink(String html) {
        Matcher link = ONE_TIME_LINK.matcher(html);
        return link.find() ? link.group() : null;
    }

    private static List<WebElement> rowsOrNull(List<WebElement> rows) {
        return rows.size() >= 10 ? rows : null;
    }
}
