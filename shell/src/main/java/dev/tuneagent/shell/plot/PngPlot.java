package dev.tuneagent.shell.plot;

import dev.tuneagent.core.analysis.ParamImportance;
import dev.tuneagent.core.study.StudySnapshot;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The {@code plot} PNG: on the left every trial's value and the best-so-far curve (failed trials as red
 * crosses on the bottom edge), on the right the parameter importance bars ({@link ParamImportance}).
 * Drawn by XChart, headless.
 */
public final class PngPlot {
    public static final int PANEL_WIDTH = 720;
    public static final int HEIGHT = 480;
    private static final Color TRIAL = new Color(0x4C72B0);
    private static final Color BEST = new Color(0xDD8452);
    private static final Color FAILED = new Color(0xC44E52);

    private PngPlot() {
    }

    /** Two panels side by side: {@code 2 * PANEL_WIDTH} by {@code HEIGHT} pixels. */
    public static byte[] render(StudySnapshot s, List<ParamImportance.Score> importance) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // no display needed, even outside Spring Boot
        }
        List<Chart<?, ?>> charts = List.of(history(s), importance(s, importance));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            BitmapEncoder.saveBitmap(charts, 1, 2, out, BitmapEncoder.BitmapFormat.PNG);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static XYChart history(StudySnapshot s) {
        History h = History.of(s);
        XYChart c = new XYChartBuilder().width(PANEL_WIDTH).height(HEIGHT)
                .title(s.study().name() + ": " + s.study().direction().lower() + " " + s.study().metric())
                .xAxisTitle("trial").yAxisTitle(s.study().metric()).build();
        style(c.getStyler());
        // Below the plot: inside, it would hide the points under it.
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        c.getStyler().setXAxisDecimalPattern("#");
        // An explicit range with 5% margins: XChart's own rounding can cut off the extreme points.
        double pad = h.max() > h.min() ? (h.max() - h.min()) * 0.05 : Math.max(Math.abs(h.max()) * 0.05, 0.5);
        double floor = h.min() - pad;
        c.getStyler().setYAxisMin(floor);
        c.getStyler().setYAxisMax(h.max() + pad);
        XYSeries trials = c.addSeries("trial (" + h.values().size() + " complete)", h.completeX(), h.values());
        trials.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        trials.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(TRIAL);
        XYSeries best = c.addSeries("best so far", h.completeX(), h.bestSoFar());
        best.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        best.setMarker(SeriesMarkers.NONE).setLineColor(BEST).setLineWidth(2.5f);
        if (!h.failedX().isEmpty()) {
            // Failed trials have no value: they sit on the lower edge of the plot, drawn as crosses.
            List<Double> bottom = h.failedX().stream().map(n -> floor).toList();
            XYSeries failed = c.addSeries("failed (" + h.failedX().size() + ")", h.failedX(), bottom);
            failed.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            failed.setMarker(SeriesMarkers.CROSS).setMarkerColor(FAILED);
        }
        return c;
    }

    static CategoryChart importance(StudySnapshot s, List<ParamImportance.Score> scores) {
        boolean known = !scores.isEmpty();
        CategoryChart c = new CategoryChartBuilder().width(PANEL_WIDTH).height(HEIGHT)
                .title(known ? "parameter importance (rank main effect)"
                        : "importance: needs " + ParamImportance.MIN_TRIALS + " complete trials")
                .xAxisTitle("parameter").yAxisTitle("share of rank variance explained").build();
        style(c.getStyler());
        c.getStyler().setLegendVisible(false);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(1.0);
        c.getStyler().setXAxisLabelRotation(scores.size() > 4 ? 30 : 0);
        List<String> names = known ? scores.stream().map(ParamImportance.Score::param).toList() : s.space().names();
        List<Double> shares = known ? scores.stream().map(ParamImportance.Score::share).toList()
                : names.stream().map(n -> 0.0).toList();
        c.addSeries("importance", names, shares).setFillColor(TRIAL);
        return c;
    }

    private static void style(Styler st) {
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotBorderVisible(false);
        st.setAntiAlias(true);
    }
}
