package dev.tuneagent.evals.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;

/** The statistics of {@code ../shared/anchors/summarize.py}, reproduced operation for operation. */
public final class Stats {
    private Stats() {
    }

    /**
     * summarize.py's {@code q(v, p)}: sort, {@code k = (n - 1) p}, then interpolate linearly between
     * {@code v[floor k]} and {@code v[ceil k]}.
     */
    public static double quantile(List<Double> values, double p) {
        double[] v = sorted(values);
        double k = (v.length - 1) * p;
        int lo = (int) Math.floor(k);
        int hi = (int) Math.ceil(k);
        return v[lo] + (v[hi] - v[lo]) * (k - lo);
    }

    /** Python's {@code statistics.median}: the middle value, or the mean of the two middle values. */
    public static double median(List<Double> values) {
        double[] v = sorted(values);
        int n = v.length;
        int i = n / 2;
        return n % 2 == 1 ? v[i] : (v[i - 1] + v[i]) / 2;
    }

    /** The anchors' cell value: log10 of the regret, clamped at 1e-12 first. */
    public static double log10Regret(double regret) {
        return Math.log10(Math.max(regret, BenchRun.REGRET_FLOOR));
    }

    /**
     * Python's {@code f"{x:.Nf}"}: the exact binary value rounded half-to-even, keeping the sign of negative
     * values that round to zero ({@code -0.00}). Java's {@code %.2f} rounds differently on ties.
     */
    public static String fixed(double x, int decimals) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        String s = new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        boolean negative = x < 0 || (x == 0 && 1 / x < 0);
        return negative && !s.startsWith("-") ? "-" + s : s;
    }

    private static double[] sorted(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v;
    }
}
