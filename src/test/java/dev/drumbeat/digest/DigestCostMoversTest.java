package dev.drumbeat.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.core.Money;
import dev.drumbeat.core.Periods;
import dev.drumbeat.costs.CostImportService;
import dev.drumbeat.costs.CostMonths;
import dev.drumbeat.costs.CostRules;
import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.FocusExports;
import dev.drumbeat.support.FocusExports.Shape;
import dev.drumbeat.support.MutableClock;
import dev.drumbeat.support.Seed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The digest's cost movers from real imported bills: the five largest moves of the latest whole month against the one
 * before, by service, increases first, with amounts and per cent, and nothing without two whole months of bills.
 */
class DigestCostMoversTest {
    static final String TEAM = "T0MOVERS1";
    /** Friday 4 July 2025, 16:00 UTC: the digest is due; June is the latest whole month. */
    static final Instant FRIDAY_FOUR = Instant.parse("2025-07-04T16:00:00Z");

    static final String HEADLINE = "digest:" + TEAM + "|2025-06-30";
    static final Currency USD = Currency.getInstance("USD");
    static final MutableClock clock = new MutableClock(FRIDAY_FOUR);

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withoutApp();

    @TempDir
    Path dir;

    @BeforeEach
    void catalogAndRules() {
        clock.set(FRIDAY_FOUR);
        Seed seed = new Seed(drumbeat.jdbi(), TEAM).person("U0ALICE01", "alice", "member");
        StringBuilder rules = new StringBuilder("match,key,value,services\n");
        String[][] services = {
            {"payments", "Payments API"},
            {"crm", "CRM"},
            {"search", "Search"},
            {"mail", "Mail"},
            {"ledger", "Core Ledger"},
            {"intranet", "<!here> Intranet"},
            {"extra", "Extranet"}
        };
        for (String[] service : services) {
            seed.service(service[0], service[1], "core", "U0ALICE01", "1", "1", "1");
            rules.append("provider-service,,")
                    .append(service[0])
                    .append(',')
                    .append(service[0])
                    .append('\n');
        }
        new CostRules(drumbeat.jdbi(), new AuditLog(clock))
                .replace(TEAM, "U0ADMIN", rules.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void the_five_largest_moves_of_the_latest_whole_month_are_a_reply_in_the_digest_thread() {
        bill(
                "2025-05",
                "payments",
                "10000",
                "crm",
                "5000",
                "search",
                "1000",
                "ledger",
                "800",
                "intranet",
                "2000",
                "extra",
                "3000");
        bill(
                "2025-06",
                "payments",
                "12200",
                "crm",
                "4500",
                "search",
                "1000",
                "mail",
                "300",
                "intranet",
                "2100",
                "extra",
                "3050");
        bill("2025-07", "payments", "90000", "crm", "1");

        assertThat(digests().sendDueDigests()).isEqualTo(1);

        assertThat(reply(":reply-extra")).contains("*OKRs*");
        assertThat(reply(":reply-extra-2"))
                .isEqualTo(String.join(
                        "\n",
                        "*Cost movers: June 2025 against May 2025*, from the bills",
                        "• :arrow_up: *Payments API* `payments` up $2,200 (+22.0%) to $12,200",
                        "• :arrow_up: *Mail* `mail` $300, new in June 2025",
                        "• :arrow_up: *&lt;!here&gt; Intranet* `intranet` up $100 (+5.0%) to $2,100",
                        "• :arrow_down: *Core Ledger* `ledger` nothing in June 2025, down $800 (−100.0%)",
                        "• :arrow_down: *CRM* `crm` down $500 (−10.0%) to $4,500",
                        "The whole bill: $23,150, up $1,350 (+6.2%) on May 2025."));
    }

    @Test
    void without_two_whole_months_of_bills_there_is_no_cost_movers_reply() {
        assertThat(digests().sendDueDigests()).isEqualTo(1);
        assertThat(replies()).as("no bills").noneMatch(text -> text.contains("Cost movers"));

        drumbeat.execute("truncate digests, slack_outbox");
        bill("2025-06", "payments", "12200");
        bill("2025-07", "payments", "100");

        assertThat(digests().sendDueDigests()).isEqualTo(1);
        assertThat(replies()).as("one whole month, one not over").noneMatch(text -> text.contains("Cost movers"));
    }

    private static DigestService digests() {
        return new DigestService(
                drumbeat.jdbi(),
                new Outbox(clock),
                new Periods(DayOfWeek.MONDAY, 9),
                Optional.of("C0LEADERS"),
                new Money(USD),
                clock,
                List.of(
                        team -> Optional.of("*OKRs*: nothing at risk"),
                        new DigestCostSection(drumbeat.jdbi(), new CostMonths(drumbeat.jdbi(), clock), new Money(USD))),
                DigestChart.NONE);
    }

    /** A month's bill, a charge per provider service (named as the service key its rule gives it to). */
    private void bill(String month, String... servicesAndAmounts) {
        FocusExports export = new FocusExports(Shape.GOOGLE);
        for (int i = 0; i < servicesAndAmounts.length; i += 2) {
            export.usage("project-1", servicesAndAmounts[i], servicesAndAmounts[i + 1]);
        }
        List<Path> files = export.in(month, "USD").write(dir.resolve(month), ".csv", 1);
        new CostImportService(drumbeat.jdbi(), new AuditLog(clock), clock).importFiles(TEAM, "cli", files, USD);
    }

    private static String reply(String suffix) {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select args->>'text' from slack_outbox where dedupe_key = :key")
                        .bind("key", HEADLINE + suffix)
                        .mapTo(String.class)
                        .one());
    }

    private static List<String> replies() {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select args->>'text' from slack_outbox order by id")
                        .mapTo(String.class)
                        .list());
    }
}
