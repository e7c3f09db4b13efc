package dev.drumbeat.chart;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Currency;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/**
 * Draws Drumbeat's charts as PNG, 720 × 300: wide enough to read in a Slack message, small enough to load fast.
 * Sets {@code java.awt.headless} before anything touches AWT, so a server without a display can draw. Thread-safe:
 * every call builds its own chart.
 */
final class ChartRenderer {
    static final int WIDTH = 720;
    static final int HEIGHT = 300;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private final Currency currency;

    ChartRenderer(Currency currency) {
        this.currency = currency;
    }

    byte[] kpiTrend(KpiTrend trend) {
        return png(TrendChart.of(trend));
    }

    byte[] tierCosts(TierCosts costs) {
        return png(TierChart.of(costs, currency));
    }

    byte[] planActual(PlanActual costs) {
        return png(PlanActualChart.of(costs, currency));
    }

    private static byte[] png(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        try {
            return ChartUtils.encodeAsPNG(chart.createBufferedImage(WIDTH, HEIGHT));
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode a chart as PNG", e);
        }
    }
}
