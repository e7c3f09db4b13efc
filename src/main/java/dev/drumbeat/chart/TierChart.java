package dev.drumbeat.chart;

import dev.drumbeat.catalog.CatalogTotals.Totals;
import java.awt.Color;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;

/** The portfolio's monthly cost and margin by tier as grouped bars, amounts on the bars. */
final class TierChart {
    static final String TITLE = "Monthly cost and margin by tier";
    static final String COST = "Monthly cost";
    static final String MARGIN = "Monthly margin";
    private static final Color COST_COLOUR = new Color(0x61, 0x6A, 0x7A);
    private static final Color MARGIN_COLOUR = new Color(0x2E, 0xB6, 0x7D);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private TierChart() {}

    static JFreeChart of(TierCosts costs, Currency currency) {
        JFreeChart chart = ChartFactory.createBarChart(
                TITLE,
                null,
                currency.getCurrencyCode() + " a month",
                data(costs),
                PlotOrientation.VERTICAL,
                true,
                false,
                false);
        chart.addSubtitle(new TextTitle("As of " + DAY.format(costs.at().atZone(ZoneOffset.UTC)) + " (UTC)"));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setNoDataMessage("No services in the catalog yet");
        DecimalFormat format = amounts(currency);
        NumberAxis axis = (NumberAxis) plot.getRangeAxis();
        axis.setNumberFormatOverride(format);
        axis.setUpperMargin(0.15);
        axis.setLowerMargin(0.15);
        bars((BarRenderer) plot.getRenderer(), format);
        return chart;
    }

    private static DefaultCategoryDataset data(TierCosts costs) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        if (!costs.isEmpty()) {
            for (Map.Entry<String, Totals> tier : costs.byTier().entrySet()) {
                data.addValue(tier.getValue().cost(), COST, tier.getKey());
                data.addValue(tier.getValue().margin(), MARGIN, tier.getKey());
            }
        }
        return data;
    }

    private static void bars(BarRenderer renderer, DecimalFormat format) {
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, COST_COLOUR);
        renderer.setSeriesPaint(1, MARGIN_COLOUR);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", format));
        renderer.setDefaultItemLabelsVisible(true);
    }

    /** Whole amounts with the currency's symbol: $504,000. */
    static DecimalFormat amounts(Currency currency) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.US);
        symbols.setCurrency(currency);
        symbols.setCurrencySymbol(currency.getSymbol(Locale.US));
        return new DecimalFormat("¤#,##0", symbols);
    }
}
