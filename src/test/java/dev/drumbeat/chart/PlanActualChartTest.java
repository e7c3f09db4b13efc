package dev.drumbeat.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;

/**
 * The plan-against-actual chart: six months, the plan a line across them, whole months as bars, the month so far a
 * paler bar of its own named "so far", and a month without bills without a bar and saying so.
 */
class PlanActualChartTest {
    static final PlanActual COSTS = costs(null, null, "480000", "495000", "529200", "20000");

    static PlanActual costs(String... actuals) {
        List<PlanActual.Month> months = new ArrayList<>();
        YearMonth month = YearMonth.of(2026, 7);
        for (int i = 0; i < actuals.length; i++) {
            months.add(new PlanActual.Month(
                    month.plusMonths(i),
                    Optional.ofNullable(actuals[i]).map(BigDecimal::new),
                    i == actuals.length - 1));
        }
        return new PlanActual("Payments API", new BigDecimal("504000"), months);
    }

    @Test
    void each_month_is_named_under_its_bar_with_the_month_so_far_and_months_without_bills_said_so() {
        DefaultCategoryDataset bars = PlanActualChart.bars(COSTS);

        assertThat(bars.getColumnKeys())
                .containsExactly(
                        "Jul 2026 (no bills)",
                        "Aug 2026 (no bills)",
                        "Sep 2026",
                        "Oct 2026",
                        "Nov 2026",
                        "Dec 2026 (so far)");
        assertThat(bars.getValue(PlanActualChart.ACTUAL, "Nov 2026")).isEqualTo(new BigDecimal("529200"));
        assertThat(bars.getValue(PlanActualChart.ACTUAL, "Dec 2026 (so far)")).isNull();
        assertThat(bars.getValue(PlanActualChart.SO_FAR, "Dec 2026 (so far)")).isEqualTo(new BigDecimal("20000"));
        assertThat(bars.getValue(PlanActualChart.ACTUAL, "Jul 2026 (no bills)")).isNull();
        DefaultCategoryDataset plan = PlanActualChart.plan(COSTS);
        assertThat(plan.getColumnCount()).isEqualTo(6);
        assertThat(plan.getValue(PlanActualChart.PLAN, "Jul 2026 (no bills)")).isEqualTo(new BigDecimal("504000"));
    }

    @Test
    void the_image_draws_the_plan_line_the_whole_months_bars_and_the_paler_bar_so_far() throws IOException {
        BufferedImage image = decode(new ChartRenderer(Currency.getInstance("USD")).planActual(COSTS));

        assertThat(image.getWidth()).isEqualTo(ChartRenderer.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ChartRenderer.HEIGHT);
        assertThat(count(image, PlanActualChart.ACTUAL_COLOUR))
                .as("three whole months")
                .isGreaterThan(1000);
        assertThat(count(image, PlanActualChart.SO_FAR_COLOUR))
                .as("the month so far")
                .isGreaterThan(20);
        assertThat(count(image, PlanActualChart.PLAN_COLOUR))
                .as("the plan line")
                .isGreaterThan(100);
    }

    @Test
    void a_service_without_any_bills_still_draws_its_plan() throws IOException {
        BufferedImage image = decode(
                new ChartRenderer(Currency.getInstance("USD")).planActual(costs(null, null, null, null, null, null)));

        assertThat(count(image, PlanActualChart.ACTUAL_COLOUR))
                .as("the legend's swatch alone")
                .isLessThan(100);
        assertThat(count(image, PlanActualChart.PLAN_COLOUR)).isGreaterThan(100);
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("a PNG ImageIO can read").isNotNull();
        return image;
    }

    private static int count(BufferedImage image, Color colour) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                count += (image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF) ? 1 : 0;
            }
        }
        return count;
    }
}
