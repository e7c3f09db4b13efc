package dev.drumbeat.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.catalog.CatalogTotals.Totals;
import dev.drumbeat.checkin.Kpi;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The charts as PNG: decodable, 720 × 300, and drawn with the colours that carry their meaning. */
class ChartRendererTest {
    static final Kpi AVAILABILITY = new Kpi(7, "availability", "Availability", "%", new BigDecimal("99.9"), "up");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    final ChartRenderer renderer = new ChartRenderer(Currency.getInstance("USD"));

    static KpiTrend trend(String... values) {
        List<TrendPoint> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            points.add(new TrendPoint(
                    7, LocalDate.of(2026, 11, 23).minusWeeks(values.length - 1 - i), new BigDecimal(values[i])));
        }
        return new KpiTrend(AVAILABILITY, 12, TODAY.minusWeeks(12), TODAY, points);
    }

    @Test
    void a_kpi_trend_is_a_720_by_300_png_with_the_readings_line_and_the_dashed_target() throws IOException {
        BufferedImage image = decode(renderer.kpiTrend(trend("99.5", "99.95", "99.7", "99.92")));

        assertThat(image.getWidth()).isEqualTo(ChartRenderer.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ChartRenderer.HEIGHT);
        assertThat(countPixels(image, TrendChart.READING))
                .as("the readings line")
                .isGreaterThan(100);
        assertThat(countPixels(image, TrendChart.TARGET)).as("the target line").isGreaterThan(100);
    }

    @Test
    void a_kpi_with_no_readings_is_a_readable_image_not_an_error() throws IOException {
        BufferedImage image = decode(renderer.kpiTrend(trend()));

        assertThat(image.getWidth()).isEqualTo(720);
        assertThat(image.getHeight()).isEqualTo(300);
        assertThat(countPixels(image, TrendChart.READING)).as("no line to draw").isZero();
        assertThat(countDark(image))
                .as("the title and 'No readings yet' in dark text")
                .isGreaterThan(50);
    }

    @Test
    void a_single_reading_equal_to_its_target_still_draws() throws IOException {
        BufferedImage image = decode(renderer.kpiTrend(trend("99.9")));

        assertThat(image.getWidth()).isEqualTo(720);
        assertThat(countPixels(image, TrendChart.TARGET)).isGreaterThan(100);
    }

    @Test
    void the_tier_chart_is_a_720_by_300_png_with_cost_and_margin_bars() throws IOException {
        Map<String, Totals> byTier = new LinkedHashMap<>();
        byTier.put("strategic", new Totals(1, new BigDecimal("45000"), new BigDecimal("90000")));
        byTier.put("core", new Totals(3, new BigDecimal("704000.00"), new BigDecimal("860000")));
        byTier.put("secondary", new Totals(1, new BigDecimal("30000"), new BigDecimal("12000")));
        BufferedImage image = decode(renderer.tierCosts(new TierCosts(byTier, Instant.parse("2026-11-23T09:00:00Z"))));

        assertThat(image.getWidth()).isEqualTo(720);
        assertThat(image.getHeight()).isEqualTo(300);
        assertThat(countPixels(image, new Color(0x2E, 0xB6, 0x7D)))
                .as("margin bars, one below zero")
                .isGreaterThan(500);
    }

    @Test
    void an_empty_catalog_draws_a_tier_chart_without_bars() throws IOException {
        Map<String, Totals> none = Map.of("strategic", new Totals(0, BigDecimal.ZERO, BigDecimal.ZERO));
        BufferedImage image = decode(renderer.tierCosts(new TierCosts(none, Instant.parse("2026-11-23T09:00:00Z"))));

        assertThat(image.getWidth()).isEqualTo(720);
        assertThat(countPixels(image, new Color(0x2E, 0xB6, 0x7D))).isZero();
    }

    static BufferedImage decode(byte[] png) throws IOException {
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("a PNG ImageIO can read").isNotNull();
        return image;
    }

    private static int countPixels(BufferedImage image, Color colour) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                count += (image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF) ? 1 : 0;
            }
        }
        return count;
    }

    private static int countDark(BufferedImage image) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color c = new Color(image.getRGB(x, y));
                count += c.getRed() + c.getGreen() + c.getBlue() < 200 ? 1 : 0;
            }
        }
        return count;
    }
}
