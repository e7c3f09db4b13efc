package dev.drumbeat.chart;

import dev.drumbeat.checkin.Kpi;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.math.BigDecimal;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/** A KPI's trend as a chart: weekly readings as a line with points, the target as a dashed line, which way is better. */
final class TrendChart {
    static final Color READING = new Color(0x12, 0x64, 0xA3);
    static final Color TARGET = new Color(0xE0, 0x1E, 0x5A);
    private static final TimeZone UTC = TimeZone.getTimeZone(ZoneOffset.UTC);
    private static final Stroke DASHED =
            new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f);

    private TrendChart() {}

    static JFreeChart of(KpiTrend trend) {
        TimeSeriesCollection data = new TimeSeriesCollection(readings(trend), UTC);
        JFreeChart chart = ChartFactory.createTimeSeriesChart(
                title(trend.kpi()), null, trend.kpi().unit().strip(), data, false, false, false);
        chart.addSubtitle(new TextTitle(ChartWords.trendSubtitle(trend)));
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setNoDataMessage("No readings yet");
        dates(plot, trend);
        line(plot);
        if (trend.isEmpty()) {
            plot.getRangeAxis().setVisible(false);
        } else {
            plot.addRangeMarker(target(trend.kpi()));
            values(plot, trend);
        }
        return chart;
    }

    static String title(Kpi kpi) {
        String unit = kpi.unit().strip();
        return unit.isEmpty() ? kpi.name() : kpi.name() + " (" + unit + ")";
    }

    private static TimeSeries readings(KpiTrend trend) {
        TimeSeries series = new TimeSeries("Reading");
        trend.points().forEach(p -> series.addOrUpdate(new Day(date(p.periodStart()), UTC, Locale.UK), p.value()));
        return series;
    }

    private static void dates(XYPlot plot, KpiTrend trend) {
        DateAxis axis = (DateAxis) plot.getDomainAxis();
        axis.setTimeZone(UTC);
        SimpleDateFormat format = new SimpleDateFormat("d MMM", Locale.UK);
        format.setTimeZone(UTC);
        axis.setDateFormatOverride(format);
        LocalDate last = trend.latest()
                .map(TrendPoint::periodStart)
                .filter(p -> p.isAfter(trend.today()))
                .orElse(trend.today());
        axis.setRange(date(trend.since()), date(last.plusDays(2)));
    }

    private static void line(XYPlot plot) {
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        renderer.setDefaultShapesVisible(true);
        renderer.setSeriesPaint(0, READING);
        renderer.setSeriesStroke(0, new BasicStroke(2.5f));
    }

    private static ValueMarker target(Kpi kpi) {
        ValueMarker marker = new ValueMarker(kpi.target().doubleValue(), TARGET, DASHED);
        marker.setLabel("target " + kpi.targetText());
        marker.setLabelPaint(TARGET);
        marker.setLabelBackgroundColor(Color.WHITE);
        marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        return marker;
    }

    /** The value axis spans the readings and the target, with a little room above and below. */
    private static void values(XYPlot plot, KpiTrend trend) {
        BigDecimal low = Stream.of(trend.lowest().orElseThrow(), trend.kpi().target())
                .min(BigDecimal::compareTo)
                .orElseThrow();
        BigDecimal high = Stream.of(trend.highest().orElseThrow(), trend.kpi().target())
                .max(BigDecimal::compareTo)
                .orElseThrow();
        double span = high.subtract(low).doubleValue();
        double room = span == 0 ? Math.max(1, Math.abs(high.doubleValue()) * 0.05) : span * 0.15;
        NumberAxis axis = (NumberAxis) plot.getRangeAxis();
        axis.setAutoRangeIncludesZero(false);
        axis.setRange(low.doubleValue() - room, high.doubleValue() + room);
    }

    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
