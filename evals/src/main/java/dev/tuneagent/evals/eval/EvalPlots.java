package dev.tuneagent.evals.eval;

import dev.tuneagent.evals.bench.Stats;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** {@code plots/TASK.png} (median with the 25th-75th percentile band per proposer) and {@code plots/mean-rank.png}. */
public final class EvalPlots {
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)};

    private EvalPlots() {
    }

    /** Writes every plot into {@code dir} and returns their paths. */
    public static List<Path> write(List<CellResult> results, Path dir) {
        System.setProperty("java.awt.headless", "true");
        EvalStats s = new EvalStats(results);
        List<Path> out = new ArrayList<>();
        if (s.budget() == 0) {
            return out;
        }
        try {
            Files.createDirectories(dir);
            for (String task : s.tasks()) {
                out.add(save(curves(s, task), dir.resolve(task + ".png")));
            }
            out.add(save(meanRank(s), dir.resolve("mean-rank.png")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plots into " + dir, e);
        }
        return out;
    }

    static XYChart curves(EvalStats s, String task) {
        boolean syn = s.synthetic(task);
        String metric = s.cells(task, s.proposers().stream().filter(p -> !s.cells(task, p).isEmpty()).findFirst()
                .orElse(s.proposers().get(0))).stream().findFirst().map(CellResult::metric).orElse("value");
        XYChart chart = new XYChartBuilder().width(720).height(460).title(task)
                .xAxisTitle("trials").yAxisTitle(syn ? "log10 simple regret" : metric).build();
        style(chart);
        int colour = 0;
        for (String p : s.proposers()) {
            Color c = PALETTE[colour++ % PALETTE.length];
            if (s.cells(task, p).isEmpty()) {
                continue;
            }
            List<Double> xs = new ArrayList<>();
            List<Double> med = new ArrayList<>();
            List<Double> lo = new ArrayList<>();
            List<Double> hi = new ArrayList<>();
            for (int n = 1; n <= s.budget(); n++) {
                List<Double> v = s.values(task, p, n);
                if (v.isEmpty()) {
                    continue;
                }
                xs.add((double) n);
                med.add(Stats.median(v));
                lo.add(Stats.quantile(v, 0.25));
                hi.add(Stats.quantile(v, 0.75));
            }
            if (xs.isEmpty()) {
                continue;
            }
            List<Double> bx = new ArrayList<>(xs);
            List<Double> by = new ArrayList<>(hi);
            for (int i = xs.size() - 1; i >= 0; i--) {
                bx.add(xs.get(i));
                by.add(lo.get(i));
            }
            XYSeries band = chart.addSeries(p + " IQR", bx, by);
            band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            band.setFillColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 50));
            band.setLineColor(new Color(0, 0, 0, 0));
            band.setMarker(SeriesMarkers.NONE);
            band.setShowInLegend(false);
            XYSeries line = chart.addSeries(p, xs, med);
            line.setLineColor(c);
            line.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    static XYChart meanRank(EvalStats s) {
        XYChart chart = new XYChartBuilder().width(720).height(460)
                .title("Mean rank over " + s.rankedTasks().size() + " task(s) (1 = best)").xAxisTitle("trials")
                .yAxisTitle("mean rank").build();
        style(chart);
        int colour = 0;
        for (String p : s.proposers()) {
            Color c = PALETTE[colour++ % PALETTE.length];
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int n = 1; n <= s.budget(); n++) {
                Map<String, Double> r = s.meanRank(n);
                if (r.containsKey(p)) {
                    xs.add((double) n);
                    ys.add(r.get(p));
                }
            }
            if (!xs.isEmpty()) {
                XYSeries line = chart.addSeries(p, xs, ys);
                line.setLineColor(c);
                line.setMarker(SeriesMarkers.NONE);
            }
        }
        return chart;
    }

    private static void style(XYChart chart) {
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        chart.getStyler().setAntiAlias(true);
    }

    private static Path save(XYChart chart, Path file) throws IOException {
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        return file;
    }
}
