package dev.drumbeat.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.drumbeat.audit.AuditLog;
import dev.drumbeat.catalog.CatalogService;
import dev.drumbeat.catalog.ServiceDraft;
import dev.drumbeat.catalog.Tier;
import dev.drumbeat.core.Actor;
import dev.drumbeat.core.Money;
import dev.drumbeat.core.Periods;
import dev.drumbeat.core.Role;
import dev.drumbeat.db.Database;
import dev.drumbeat.db.DatabaseUrl;
import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.MutableClock;
import dev.drumbeat.support.Seed;
import dev.drumbeat.support.SlackReply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The weekly leadership digest on a real database: when it is due, that it goes out once, and what its
 * headline and thread say about a small catalog whose numbers can be checked by hand.
 */
class DigestServiceTest {
    static final String TEAM = "T0DIGEST";
    static final Instant FRIDAY_FOUR = Instant.parse("2026-11-20T16:00:00Z");
    static final String HEADLINE = "digest:" + TEAM + "|2026-11-16";
    static final ObjectMapper JSON = new ObjectMapper();
    static final MutableClock clock = new MutableClock(FRIDAY_FOUR);

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withoutApp();

    static Seed seed;

    @BeforeEach
    void reset() {
        seed = new Seed(drumbeat.jdbi(), TEAM)
                .person("U0ALICE01", "alice", "member")
                .person("U0BOB0001", "bob", "member")
                .person("U0GONE001", "gone", "member")
                .deactivated("U0GONE001");
        clock.set(FRIDAY_FOUR);
    }

    static DigestService digests(Jdbi jdbi, Optional<String> channel) {
        return new DigestService(
                jdbi,
                new Outbox(clock),
                new Periods(DayOfWeek.MONDAY, 9),
                channel,
                new Money(Currency.getInstance("USD")),
                clock);
    }

    static DigestService digests() {
        return digests(drumbeat.jdbi(), Optional.of("C0LEADERS"));
    }

    /** Five services, all in the catalog for a year; cost 3,900, value 9,300. Statuses: green, amber, red and two without. */
    static void catalog() {
        seed.service("payments", "Payments API", "core", "U0ALICE01", "2", "1000", "5000")
                .service("ledger", "Core Ledger", "strategic", "U0ALICE01", "10", "100", "3000")
                .service("mail", "Email", "secondary", "U0GONE001", "1", "500", "200")
                .service("crm", "CRM", "core", null, "3", "100", "100")
                .service("search", "Search", "core", "U0BOB0001", "1", "100", "1000")
                .checkIn("payments", "green", "", "U0ALICE01")
                .checkIn("ledger", "amber", "Vendor contract <late>", "U0ALICE01")
                .checkIn("mail", "red", "No budget for the migration", "U0ALICE01");
        drumbeat.jdbi()
                .useHandle(h -> h.execute("update services set created_at = timestamptz '2025-11-01 00:00:00+00'"));
    }

    @Test
    void the_digest_is_due_at_the_configured_day_and_hour_in_the_workspace_zone_and_not_before() {
        catalog();
        drumbeat.jdbi().useHandle(h -> h.execute("""
                insert into escalation_settings (team_id, digest_day, digest_hour, digest_tz)
                values (?, 'TUESDAY', 9, 'America/New_York')""", TEAM));
        clock.set(Instant.parse("2026-11-17T13:59:00Z"));
        assertThat(digests().sendDueDigests()).isZero();
        assertThat(seed.count("slack_outbox")).isZero();
        clock.set(Instant.parse("2026-11-17T14:00:00Z"));
        assertThat(digests().sendDueDigests()).isEqualTo(1);
        assertThat(seed.count("digests where period_start = date '2026-11-16' and outbox_key = '" + HEADLINE + "'"))
                .isEqualTo(1);
    }

    @Test
    void another_features_section_is_the_last_reply_in_the_thread_and_only_when_it_has_something() {
        catalog();
        DigestService withSection = new DigestService(
                drumbeat.jdbi(),
                new Outbox(clock),
                new Periods(DayOfWeek.MONDAY, 9),
                Optional.of("C0LEADERS"),
                new Money(Currency.getInstance("USD")),
                clock,
                team -> Optional.of("*OKRs, 2026-Q4*: 1 key result needs a look"));

        assertThat(withSection.sendDueDigests()).isEqualTo(1);

        assertThat(seed.count("slack_outbox where dedupe_key = '" + HEADLINE + ":reply-extra'"
                        + " and args->>'text' like '%1 key result needs a look%' and args->'thread_ts' is not null"))
                .isEqualTo(1);
        drumbeat.execute("truncate digests, slack_outbox");
        assertThat(digests().sendDueDigests()).isEqualTo(1);
        assertThat(seed.count("slack_outbox where dedupe_key like '%:reply-extra'"))
                .as("no section, no reply")
                .isZero();
    }

    @Test
    void without_settings_the_digest_goes_out_on_friday_at_four_utc() {
        catalog();
        clock.set(FRIDAY_FOUR.minusSeconds(1));
        assertThat(digests().sendDueDigests()).isZero();
        clock.set(FRIDAY_FOUR);
        assertThat(digests().sendDueDigests()).isEqualTo(1);
        assertThat(outboxKeys()).first().isEqualTo(HEADLINE);
    }

    @Test
    void a_second_sweep_the_same_week_sends_nothing_and_the_next_week_sends_again() {
        catalog();
        assertThat(digests().sendDueDigests()).isEqualTo(1);
        int queued = seed.count("slack_outbox");
        clock.advance(Duration.ofMinutes(15));
        assertThat(digests().sendDueDigests()).isZero();
        clock.advance(Duration.ofDays(2));
        assertThat(digests().sendDueDigests()).isZero();
        assertThat(seed.count("slack_outbox")).isEqualTo(queued);
        clock.set(FRIDAY_FOUR.plus(Duration.ofDays(7)));
        assertThat(digests().sendDueDigests()).isEqualTo(1);
        assertThat(seed.count("digests")).isEqualTo(2);
    }

    @Test
    void two_instances_sweeping_at_once_on_their_own_connections_queue_one_digest() throws Exception {
        catalog();
        try (Database second = Database.connect(new DatabaseUrl(
                ((HikariDataSource) drumbeat.database().dataSource()).getJdbcUrl(),
                Optional.of("postgres"),
                Optional.empty()))) {
            DigestService one = digests();
            DigestService two = digests(second.jdbi(), Optional.of("C0LEADERS"));
            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> sweepAfter(go, one));
            CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() -> sweepAfter(go, two));
            go.countDown();
            assertThat(first.get() + other.get()).isEqualTo(1);
        }
        assertThat(seed.count("digests")).isEqualTo(1);
        assertThat(seed.count("slack_outbox where dedupe_key = '" + HEADLINE + "'"))
                .isEqualTo(1);
    }

    @Test
    void the_headline_counts_statuses_and_compares_cost_and_margin_with_the_catalog_a_month_ago() {
        catalog();
        changeTenDaysAgo();
        digests().sendDueDigests();
        String headline = text(HEADLINE);
        assertThat(headline)
                .contains("*Check-ins this week*", "*1* green", "*1* amber", "*1* red", "*3* not checked in")
                .doesNotContain("no check-in")
                .contains("Monthly cost*\n$3,950\nup $250 on a month ago ($3,700)")
                .contains("Monthly margin*\n$5,350 on $9,300 of value\ndown $250 on a month ago ($5,600)");
        assertThat(args(HEADLINE).path("blocks").size()).isLessThanOrEqualTo(6);
        assertThat(args(HEADLINE).path("channel").asText()).isEqualTo("C0LEADERS");
    }

    @Test
    void before_any_escalation_is_recorded_stale_and_ownerless_are_counted_from_the_catalog() {
        catalog();
        digests().sendDueDigests();
        assertThat(text(HEADLINE)).contains("*1* stale", "*2* ownerless");
        String thread = threadText();
        assertThat(thread)
                .contains(
                        "*Email* `mail` — no owner",
                        "the owner left Slack",
                        "*CRM* `crm` — no owner",
                        "no owner named",
                        "*Search* `search` — no check-in",
                        "never checked in");
    }

    @Test
    void with_escalations_recorded_the_counts_and_top_risks_come_from_the_open_ones() {
        catalog();
        escalation("search", "stale", 2, Duration.ofDays(5), null);
        escalation("crm", "ownerless", 3, Duration.ofDays(9), null);
        escalation("payments", "red_streak", 1, Duration.ofDays(1), null);
        escalation("ledger", "kpi_off_target", 1, Duration.ofDays(20), null);
        escalation("mail", "stale", 1, Duration.ofDays(30), FRIDAY_FOUR.minus(Duration.ofDays(2)));
        digests().sendDueDigests();
        String headline = text(HEADLINE);
        assertThat(headline).contains("*1* stale", "*1* ownerless");
        assertThat(headline)
                .containsSubsequence(
                        "1. *CRM* — no owner · level 3 · open 9 days · _no owner_",
                        "2. *Search* — no check-in · level 2 · open 5 days · owner Bob",
                        "3. *Core Ledger* — KPI off target · level 1 · open 20 days",
                        "4. *Payments API* — red week after week · level 1 · open 1 day");
        assertThat(threadText()).contains("*Search* `search` — no check-in · level 2 · open 5 days · owner Bob");
    }

    @Test
    void with_nothing_escalated_the_top_risks_are_red_services_by_monthly_cost() {
        catalog();
        seed.checkIn("search", "red", "Index rebuild", "U0BOB0001");
        digests().sendDueDigests();
        assertThat(text(HEADLINE))
                .containsSubsequence(
                        "*Top risks*",
                        "1. :red_circle: *Email* `mail` · red",
                        "$500 a month",
                        "2. :red_circle: *Search* `search` · red",
                        "$100 a month — “Index rebuild”");
    }

    @Test
    void the_thread_lists_red_and_amber_with_their_hurdles_and_cost_and_margin_by_tier() {
        catalog();
        changeTenDaysAgo();
        digests().sendDueDigests();
        assertThat(outboxKeys())
                .containsExactly(HEADLINE, HEADLINE + ":reply-1", HEADLINE + ":reply-2", HEADLINE + ":reply-3");
        assertThat(args(HEADLINE + ":reply-1")
                        .path("thread_ts")
                        .path(Outbox.TS_OF)
                        .asText())
                .isEqualTo(HEADLINE);
        assertThat(text(HEADLINE + ":reply-1"))
                .containsSubsequence(
                        "*Red and amber services*",
                        ":red_circle: *Email* `mail` · red · owner Gone · $500 a month — “No budget for the migration”",
                        ":large_orange_circle: *Core Ledger* `ledger` · amber · owner Alice · $1,000 a month"
                                + " — “Vendor contract &lt;late&gt;”");
        assertThat(text(HEADLINE + ":reply-3"))
                .contains(
                        "*Cost and margin by tier*",
                        "*Strategic* · 1 service\n    cost $1,000, up $200 on a month ago ($800)",
                        "*Core* · 3 services\n    cost $2,400, same as a month ago ($2,400)",
                        "*Secondary* · 2 services\n    cost $550, up $50.00 on a month ago ($500)",
                        "*All tiers* · 6 services");
    }

    @Test
    void a_catalog_with_no_history_a_month_back_shows_a_dash() {
        catalog();
        drumbeat.jdbi()
                .useHandle(h -> h.execute("update services set created_at = timestamptz '2026-11-10 00:00:00+00'"));
        digests().sendDueDigests();
        assertThat(text(HEADLINE)).contains("Monthly cost*\n$3,900\na month ago: —", "a month ago: —");
    }

    @Test
    void without_a_leadership_channel_nothing_is_queued() {
        catalog();
        assertThat(digests(drumbeat.jdbi(), Optional.empty()).sendDueDigests()).isZero();
        assertThat(seed.count("slack_outbox")).isZero();
        assertThat(seed.count("digests")).isZero();
    }

    private static int sweepAfter(CountDownLatch go, DigestService digests) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return digests.sendDueDigests();
    }

    /** Ten days ago, through the catalog service so the audit log records it: Core Ledger's unit cost 8 → 10, Reports added. */
    private static void changeTenDaysAgo() {
        drumbeat.jdbi().useHandle(h -> h.execute("update services set unit_cost = 8 where key = 'ledger'"));
        clock.set(FRIDAY_FOUR.minus(Duration.ofDays(10)));
        CatalogService catalog = new CatalogService(drumbeat.jdbi(), new AuditLog(clock));
        Actor admin = new Actor(TEAM, "U0ALICE01", Role.ADMIN);
        catalog.update(admin, draft("ledger", "Core Ledger", Tier.STRATEGIC, "10", "100", "3000"));
        catalog.create(admin, draft("reports", "Reports", Tier.SECONDARY, "1", "50", "0"));
        clock.set(FRIDAY_FOUR);
    }

    private static ServiceDraft draft(
            String key, String name, Tier tier, String unitCost, String demand, String value) {
        return new ServiceDraft(
                key,
                name,
                tier,
                false,
                Optional.of("U0ALICE01"),
                Optional.empty(),
                Optional.empty(),
                new BigDecimal(unitCost),
                "transaction",
                new BigDecimal(demand),
                new BigDecimal(value),
                "");
    }

    private static void escalation(String serviceKey, String reason, int level, Duration age, Instant closedAt) {
        Instant opened = FRIDAY_FOUR.minus(age);
        drumbeat.jdbi().useHandle(h -> h.execute("""
                insert into escalations (team_id, subject_kind, subject_id, reason, level, opened_at, level_changed_at, closed_at)
                select team_id, 'service', id, ?, ?, ?, ?, ? from services where key = ?""", reason, level, opened, opened, closedAt, serviceKey));
    }

    private static List<String> outboxKeys() {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select dedupe_key from slack_outbox order by id")
                        .mapTo(String.class)
                        .list());
    }

    static JsonNode args(String key) {
        String json = drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select args::text from slack_outbox where dedupe_key = :k")
                        .bind("k", key)
                        .mapTo(String.class)
                        .one());
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every text in the message's arguments, blocks included. */
    static String text(String key) {
        return new SlackReply(200, args(key)).text();
    }

    private static String threadText() {
        return String.join(
                "\n",
                outboxKeys().stream()
                        .filter(k -> k.contains(":reply-"))
                        .map(DigestServiceTest::text)
                        .toList());
    }
}
