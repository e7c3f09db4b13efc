package dev.drumbeat.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.text.DecimalFormat;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * A service's last six months: what the bills say it cost as bars, the plan as a line across them. A month not over
 * is a paler bar of its own series and is named "so far" under it; a month without bills has no bar and says so.
 */
final class PlanActualChart {
    static final String ACTUAL = "Actual (bills)";
    static final String SO_FAR = "So far (month not over)";
    static final String PLAN = "Plan (unit cost × demand)";
    static final Color ACTUAL_COLOUR = new Color(0x61, 0x6A, 0x7A);
    static final Color SO_FAR_COLOUR = new Color(0xB8, 0xC4, 0xE0);
    static final Color PLAN_COLOUR = new Color(0xE0, 0x1E, 0x5A);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    private PlanActualChart() {}

    static JFreeChart of(PlanActual costs, Currency currency) {
        DecimalFormat format = TierChart.amounts(currency);
        CategoryPlot plot = new CategoryPlot();
        plot.setDataset(0, bars(costs));
        plot.setRenderer(0, barRenderer(format));
        plot.setDataset(1, plan(costs));
        plot.setRenderer(1, lineRenderer());
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        CategoryAxis months = new CategoryAxis();
        months.setMaximumCategoryLabelLines(2);
        plot.setDomainAxis(months);
        NumberAxis axis = new NumberAxis(currency.getCurrencyCode() + " a month");
        axis.setNumberFormatOverride(format);
        axis.setUpperMargin(0.15);
        plot.setRangeAxis(axis);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title(costs), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.addSubtitle(new TextTitle("Plan " + format.format(costs.plan()) + " a month against the bills"));
        return chart;
    }

    static String title(PlanActual costs) {
        return costs.serviceName() + ": plan against actual, last " + PlanActual.MONTHS + " months";
    }

    /** The month under its bar: "Nov 2026", "Dec 2026 (so far)" or "Aug 2026 (no bills)". */
    static String label(PlanActual.Month month) {
        String name = MONTH.format(month.month());
        if (month.actual().isEmpty()) {
            return name + " (no bills)";
        }
        return month.soFar() ? name + " (so far)" : name;
    }

    /** Whole months and the month so far as two series, so each month has one bar and the legend names both. */
    static DefaultCategoryDataset bars(PlanActual costs) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (PlanActual.Month month : costs.months()) {
            String label = label(month);
            data.addValue(month.soFar() ? null : month.actual().orElse(null), ACTUAL, label);
            data.addValue(month.soFar() ? month.actual().orElse(null) : null, SO_FAR, label);
        }
        return data;
    }

    static DefaultCategoryDataset plan(PlanActual costs) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        costs.months().forEach(month -> data.addValue(costs.plan(), PLAN, label(month)));
        return data;
    }

    private static StackedBarRenderer barRenderer(DecimalFormat format) {
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.12);
        renderer.setSeriesPaint(0, ACTUAL_COLOUR);
        renderer.setSeriesPaint(1, SO_FAR_COLOUR);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", format));
        renderer.setDefaultItemLabelsVisible(true);
        // whole months' amounts in white at the foot of their bar, clear of the plan line; the month so far's bar is
        // usually short, so its amount sits above it
        renderer.setSeriesItemLabelPaint(0, Color.WHITE);
        renderer.setSeriesPositiveItemLabelPosition(
                0, new ItemLabelPosition(ItemLabelAnchor.INSIDE6, TextAnchor.BOTTOM_CENTER));
        renderer.setSeriesPositiveItemLabelPosition(
                1, new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        return renderer;
    }

    private static LineAndShapeRenderer lineRenderer() {
        LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, PLAN_COLOUR);
        renderer.setSeriesStroke(0, new BasicStroke(2.5f));
        return renderer;
    }
}
