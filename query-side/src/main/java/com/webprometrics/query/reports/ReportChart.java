package com.webprometrics.query.reports;

import com.webprometrics.query.dashboard.ClientDashboard;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.SimpleDateFormat;
import java.util.Locale;
import java.util.TimeZone;

/** A line chart of one metric over the report's days, as PNG (drawn at twice the size it is shown, for print). */
final class ReportChart {
    static final int WIDTH = 520;
    static final int HEIGHT = 170;
    private static final Color LINE = new Color(0x25, 0x63, 0xeb);
    private static final Color GRID = new Color(0xe5, 0xe7, 0xeb);

    private ReportChart() {
    }

    static byte[] png(ReportContent content, ReportContent.Line metric) {
        TimeSeries series = new TimeSeries(metric.label());
        for (ClientDashboard.Point point : content.dashboard().series()) {
            BigDecimal value = point.values().get(metric.metric());
            if (value != null) {
                series.add(new Day(point.date().getDayOfMonth(), point.date().getMonthValue(), point.date().getYear()),
                        "ratio".equals(metric.unit()) ? value.doubleValue() * 100 : value.doubleValue());
            }
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart(null, null,
                metric.label() + ("ratio".equals(metric.unit()) ? " (%)" : ""), new TimeSeriesCollection(series),
                false, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlinesVisible(false);
        plot.setOutlineVisible(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, series.getItemCount() <= 31);
        renderer.setSeriesPaint(0, LINE);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        plot.setRenderer(renderer);
        DateAxis dates = (DateAxis) plot.getDomainAxis();
        SimpleDateFormat format = new SimpleDateFormat("d MMM", Locale.ENGLISH);
        format.setTimeZone(TimeZone.getDefault());
        dates.setDateFormatOverride(format);
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
        dates.setTickLabelFont(small);
        NumberAxis values = (NumberAxis) plot.getRangeAxis();
        values.setTickLabelFont(small);
        values.setLabelFont(small);
        values.setAutoRangeIncludesZero(true);
        try {
            return ChartUtils.encodeAsPNG(chart.createBufferedImage(WIDTH * 2, HEIGHT * 2, WIDTH, HEIGHT, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
