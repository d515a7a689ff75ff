package dev.tuneagent.surrogate.bench;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.space.Param;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import dev.tuneagent.surrogate.proposer.GpProposer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Development-only benchmark loop (not a test): java ... QuickBench fn seeds trials. */
public final class QuickBench {
    record Fn(String name, double lo, double hi, int d, double min, ToDoubleFunction<double[]> f, double[][] box) {
    }

    public static void main(String[] args) {
        String which = args.length > 0 ? args[0] : "branin";
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int trials = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        for (String name : which.split(",")) {
            Fn fn = fn(name);
            double[] r50 = new double[seeds];
            long totalNanos = 0;
            int proposals = 0;
            for (int s = 0; s < seeds; s++) {
                List<Param> ps = new ArrayList<>();
                for (int i = 0; i < fn.d(); i++) {
                    ps.add(new FloatParam("x" + i, fn.box()[i][0], fn.box()[i][1], false));
                }
                SearchSpace space = new SearchSpace(ps);
                StudyDefinition def = new StudyDefinition("b", space, Direction.MINIMIZE, "y", s, trials, "{}", Instant.EPOCH);
                List<Trial> hist = new ArrayList<>();
                GpProposer gp = new GpProposer(DevSettings.fromSystemProperties());
                double best = Double.POSITIVE_INFINITY;
                for (int t = 0; t < trials; t++) {
                    long t0 = System.nanoTime();
                    Proposal p = gp.propose(new StudySnapshot(def, hist), 1).get(0);
                    totalNanos += System.nanoTime() - t0;
                    proposals++;
                    double[] x = new double[fn.d()];
                    for (int i = 0; i < fn.d(); i++) {
                        x[i] = (Double) p.params().get("x" + i);
                    }
                    double v = fn.f().applyAsDouble(x);
                    best = Math.min(best, v);
                    hist.add(new Trial(t, p.params(), TrialState.COMPLETE, v, Map.of(), p.provenance(), Instant.EPOCH, Instant.EPOCH, null));
                }
                r50[s] = Math.log10(Math.max(best - fn.min(), 1e-12));
                System.out.printf("%s seed %d: %.3f%n", name, s, r50[s]);
            }
            double[] sorted = r50.clone();
            Arrays.sort(sorted);
            double med = seeds % 2 == 1 ? sorted[seeds / 2] : 0.5 * (sorted[seeds / 2 - 1] + sorted[seeds / 2]);
            System.out.printf("== %s median log10 regret @%d = %.2f  (%.1f ms/proposal)%n", name, trials, med,
                    totalNanos / 1e6 / proposals);
        }
    }

    static double[][] box(int d, double lo, double hi) {
        double[][] b = new double[d][];
        for (int i = 0; i < d; i++) {
            b[i] = new double[] {lo, hi};
        }
        return b;
    }

    static final double[][] H3A = {{3, 10, 30}, {0.1, 10, 35}, {3, 10, 30}, {0.1, 10, 35}};
    static final double[][] H3P = {{0.3689, 0.1170, 0.2673}, {0.4699, 0.4387, 0.7470}, {0.1091, 0.8732, 0.5547}, {0.0381, 0.5743, 0.8828}};
    static final double[][] H6A = {{10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
    static final double[][] H6P = {{0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886}, {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
        {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650}, {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};
    static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};

    static double hartmann(double[] x, double[][] a, double[][] p) {
        double s = 0;
        for (int i = 0; i < 4; i++) {
            double e = 0;
            for (int j = 0; j < x.length; j++) {
                e += a[i][j] * (x[j] - p[i][j]) * (x[j] - p[i][j]);
            }
            s += ALPHA[i] * Math.exp(-e);
        }
        return -s;
    }

    static Fn fn(String name) {
        switch (name) {
            case "branin":
                return new Fn(name, 0, 0, 2, 0.397887357730, x -> {
                    double a = 1, b = 5.1 / (4 * Math.PI * Math.PI), c = 5 / Math.PI, r = 6, s = 10, t = 1 / (8 * Math.PI);
                    return a * Math.pow(x[1] - b * x[0] * x[0] + c * x[0] - r, 2) + s * (1 - t) * Math.cos(x[0]) + s;
                }, new double[][] {{-5, 10}, {0, 15}});
            case "hartmann3":
                return new Fn(name, 0, 1, 3, -3.86277978733266, x -> hartmann(x, H3A, H3P), box(3, 0, 1));
            case "hartmann6":
                return new Fn(name, 0, 1, 6, -3.322368011416, x -> hartmann(x, H6A, H6P), box(6, 0, 1));
            case "ackley5":
                return new Fn(name, 0, 0, 5, 0, x -> {
                    double s1 = 0, s2 = 0;
                    for (double v : x) {
                        s1 += v * v;
                        s2 += Math.cos(2 * Math.PI * v);
                    }
                    return -20 * Math.exp(-0.2 * Math.sqrt(s1 / x.length)) - Math.exp(s2 / x.length) + 20 + Math.E;
                }, box(5, -32.768, 32.768));
            case "rosenbrock4":
                return new Fn(name, 0, 0, 4, 0, x -> {
                    double s = 0;
                    for (int i = 0; i < x.length - 1; i++) {
                        s += 100 * Math.pow(x[i + 1] - x[i] * x[i], 2) + Math.pow(x[i] - 1, 2);
                    }
                    return s;
                }, box(4, -5, 10));
            case "levy6":
                return new Fn(name, 0, 0, 6, 0, x -> {
                    int d = x.length;
                    double[] w = new double[d];
                    for (int i = 0; i < d; i++) {
                        w[i] = 1 + (x[i] - 1) / 4;
                    }
                    double s = Math.pow(Math.sin(Math.PI * w[0]), 2);
                    for (int i = 0; i < d - 1; i++) {
                        s += Math.pow(w[i] - 1, 2) * (1 + 10 * Math.pow(Math.sin(Math.PI * w[i] + 1), 2));
                    }
                    s += Math.pow(w[d - 1] - 1, 2) * (1 + Math.pow(Math.sin(2 * Math.PI * w[d - 1]), 2));
                    return s;
                }, box(6, -10, 10));
            case "styblinskitang8":
                return new Fn(name, 0, 0, 8, -39.16616570377142 * 8, x -> {
                    double s = 0;
                    for (double v : x) {
                        s += v * v * v * v - 16 * v * v + 5 * v;
                    }
                    return s / 2;
                }, box(8, -5, 5));
            case "sphere10":
                return new Fn(name, 0, 0, 10, 0, x -> {
                    double s = 0;
                    for (double v : x) {
                        s += (v - 0.37) * (v - 0.37);
                    }
                    return s;
                }, box(10, -1, 1));
            case "hartmann6in12":
                return new Fn(name, 0, 0, 12, -3.322368011416,
                        x -> hartmann(new double[] {x[1], x[3], x[5], x[7], x[9], x[11]}, H6A, H6P), box(12, 0, 1));
            case "rastrigin4":
                return new Fn(name, 0, 0, 4, 0, x -> {
                    double s = 40;
                    for (double v : x) {
                        s += v * v - 10 * Math.cos(2 * Math.PI * v);
                    }
                    return s;
                }, box(4, -5.12, 5.12));
            default:
                throw new IllegalArgumentException(name);
        }
    }
}
