package dev.drumbeat.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drumbeat.core.Money;
import dev.drumbeat.core.Periods;
import dev.drumbeat.digest.DigestService;
import dev.drumbeat.sandbox.standin.BlockKitLimits;
import dev.drumbeat.slack.outbox.Outbox;
import dev.drumbeat.support.Await;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.SlackReply;
import dev.drumbeat.support.TestDrumbeat;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Charts in Slack messages: the service card and the weekly digest carry image blocks whose signed URLs, fetched from
 * Drumbeat as Slack would, return PNGs. Without a public address Drumbeat sends no image at all
 * ({@link ChartImagesNoPublicUrlTest}).
 */
class ChartImagesTest {
    static final String PUBLIC = "https://drumbeat.example.com/";
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp(config -> config.withPublicUrl(PUBLIC));

    @BeforeEach
    void seed() {
        seed(drumbeat);
    }

    @Test
    void the_status_card_shows_a_trend_image_for_at_most_three_kpis_with_readings() throws IOException {
        SlackReply reply = drumbeat.command(drumbeat.user("U0ALICE01", "alice"), "status payments-api");

        List<JsonNode> images = images(reply.blocks());
        assertThat(images)
                .extracting(i -> i.path("title").path("text").asText())
                .containsExactly(
                        "Availability · last 12 weeks", "Error rate · last 12 weeks", "p95 latency · last 12 weeks");
        assertThat(images.get(0).path("alt_text").asText())
                .isEqualTo(
                        "Availability over the last 12 weeks: 4 readings"
                                + " from 99.2% to 99.95%, latest 99.2% against a ≥ 99.9% target, off target; higher is better.");
        assertThat(BlockKitLimits.checkMessage(JSON.convertValue(reply.blocks(), List.class)))
                .isEmpty();
        for (JsonNode image : images) {
            String url = image.path("image_url").asText();
            assertThat(url).startsWith(PUBLIC + "charts/kpi/").contains("team=" + TestDrumbeat.TEAM, "&exp=", "&sig=");
            assertIsPng(ChartRoutesTest.fetch(drumbeat, url.substring(PUBLIC.length() - 1)));
        }
    }

    @Test
    void the_digest_posts_cost_and_margin_by_tier_as_an_image_in_its_thread() throws IOException {
        Instant due = dueDigest();
        ChartLinks links = new ChartLinks(
                TestDrumbeat.SIGNING_SECRET, Optional.of(PUBLIC), drumbeat.clock(), ChartLinks.SLACK_TTL);
        Money money = new Money(Currency.getInstance("USD"));
        DigestService digests = new DigestService(
                drumbeat.jdbi(),
                new Outbox(drumbeat.clock()),
                new Periods(DayOfWeek.MONDAY, 9),
                Optional.of("C0LEADERS"),
                money,
                drumbeat.clock(),
                teamId -> Optional.empty(),
                new DigestCharts(links, new ChartData(drumbeat.jdbi(), drumbeat.clock()), money));

        assertThat(digests.sendDueDigests()).isEqualTo(1);

        JsonNode args = chartReply();
        JsonNode image = images(args.path("blocks")).get(0);
        assertThat(image.path("image_url").asText())
                .startsWith(PUBLIC + "charts/tiers.png?team=" + TestDrumbeat.TEAM + "&at=" + due.getEpochSecond()
                        + "&exp=");
        assertThat(image.path("alt_text").asText())
                .isEqualTo("Monthly cost and margin by tier:"
                        + " strategic cost $45,000, margin $45,000 (1 service); core cost $504,000, margin $116,000 (1 service);"
                        + " secondary no services.");
        assertThat(BlockKitLimits.checkMessage(JSON.convertValue(args.path("blocks"), List.class)))
                .isEmpty();
        assertIsPng(
                ChartRoutesTest.fetch(drumbeat, image.path("image_url").asText().substring(PUBLIC.length() - 1)));
        Await.until(
                "the chart reply reaches Slack",
                () -> drumbeat.messages("C0LEADERS").stream()
                        .anyMatch(m -> m.threadTs() != null
                                && String.valueOf(m.blocks()).contains("tiers.png")));
    }

    /** A card with five KPIs: four with readings in the last weeks (one over the cap of three), one with none. */
    static void seed(DrumbeatExtension t) {
        t.seed()
                .person("U0ALICE01", "alice", "member")
                .service("payments-api", "Payments API", "core", "U0ALICE01", "0.12", "4200000", "620000")
                .service("trading", "Trading Platform", "strategic", "U0ALICE01", "45", "1000", "90000");
        kpi(t, "availability", "Availability", "%", "99.9", "up", "99.5", "99.95", "99.7", "99.2");
        kpi(t, "p95", "p95 latency", "ms", "250", "down", "310", "240");
        kpi(t, "errors", "Error rate", "%", "1", "down", "0.4");
        kpi(t, "throughput", "Throughput", "tx/s", "500", "up", "620", "640");
        kpi(t, "cost", "Cost per transaction", "$", "0.1", "down");
        t.jdbi().useHandle(h -> h.execute("update services set created_at = created_at - interval '1 day'"));
    }

    /** A KPI of payments-api with weekly readings ending this week, oldest first. */
    private static void kpi(
            DrumbeatExtension t,
            String key,
            String name,
            String unit,
            String target,
            String direction,
            String... values) {
        LocalDate thisWeek = LocalDate.ofInstant(t.clock().instant(), ZoneOffset.UTC)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        t.jdbi().useHandle(h -> {
            long id = h.createQuery("""
                    insert into kpis (team_id, service_id, key, name, unit, target, direction)
                    select team_id, id, ?, ?, ?, cast(? as numeric), ? from services where key = 'payments-api' returning id""")
                    .bind(0, key)
                    .bind(1, name)
                    .bind(2, unit)
                    .bind(3, target)
                    .bind(4, direction)
                    .mapTo(Long.class)
                    .one();
            for (int i = 0; i < values.length; i++) {
                h.execute(
                        "insert into kpi_readings (team_id, kpi_id, period_start, value) values (?, ?, ?, cast(? as numeric))",
                        TestDrumbeat.TEAM,
                        id,
                        thisWeek.minusWeeks(values.length - 1 - i),
                        values[i]);
            }
        });
    }

    /** Moves the clock to this week's digest time (Friday 16:05 UTC) unless it has passed; returns the clock's time. */
    private static Instant dueDigest() {
        LocalDate monday = LocalDate.ofInstant(drumbeat.clock().instant(), ZoneOffset.UTC)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Instant friday = monday.plusDays(4).atTime(16, 5).toInstant(ZoneOffset.UTC);
        if (drumbeat.clock().instant().isBefore(friday)) {
            drumbeat.clock().set(friday);
        }
        return drumbeat.clock().instant();
    }

    private static JsonNode chartReply() throws IOException {
        String args = drumbeat.jdbi()
                .withHandle(
                        h -> h.createQuery("select args::text from slack_outbox where dedupe_key like '%:reply-chart'")
                                .mapTo(String.class)
                                .one());
        JsonNode json = JSON.readTree(args);
        assertThat(json.path("thread_ts").toString())
                .as("a reply in the digest's thread")
                .contains("digest:" + TestDrumbeat.TEAM);
        return json;
    }

    static List<JsonNode> images(JsonNode blocks) {
        List<JsonNode> images = new ArrayList<>();
        blocks.forEach(block -> {
            if ("image".equals(block.path("type").asText())) {
                images.add(block);
            }
        });
        return images;
    }

    private static void assertIsPng(HttpResponse<byte[]> response) throws IOException {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(ChartRendererTest.decode(response.body()).getWidth()).isEqualTo(ChartRenderer.WIDTH);
    }
}
