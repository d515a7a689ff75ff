package dev.tuneagent.surrogate.bench;

import dev.tuneagent.surrogate.gp.HyperPriors;
import dev.tuneagent.surrogate.gp.MapObjective;
import dev.tuneagent.surrogate.optim.BoundedLbfgs;
import java.util.SplittableRandom;

/** Development-only: cost of the MAP fit on N random Hartmann6 points. */
public final class FitProbe {
    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        var fn = QuickBench.fn("hartmann6");
        SplittableRandom rng = new SplittableRandom(42);
        double[][] x = new double[n][6];
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < 6; i++) {
                x[t][i] = rng.nextDouble();
            }
            y[t] = fn.f().applyAsDouble(x[t]);
        }
        double[] w = dev.tuneagent.surrogate.gp.OutputWarping.warp(y);
        HyperPriors pr = HyperPriors.forDimension(6);
        MapObjective f = new MapObjective(x, w, pr);
        double[] t0 = new double[9];
        for (int j = 0; j < 6; j++) {
            t0[j] = Math.log(pr.lengthMode());
        }
        t0[7] = Math.log(1e-3);
        for (int rep = 0; rep < 8; rep++) {
            long a = System.nanoTime();
            double[] g = new double[9];
            for (int k = 0; k < 20; k++) {
                f.valueAndGradient(t0, g);
            }
            long b = System.nanoTime();
            double[] lo = new double[9];
            double[] hi = new double[9];
            for (int j = 0; j < 9; j++) {
                lo[j] = -20;
                hi[j] = 20;
            }
            lo[7] = Math.log(1e-6);
            hi[7] = 0;
            var r = BoundedLbfgs.defaults(80).minimize(f, t0, lo, hi);
            long c = System.nanoTime();
            System.out.printf("eval %.2f ms; lbfgs %d evals %.1f ms value %.3f%n", (b - a) / 20e6, r.evaluations(), (c - b) / 1e6, r.value());
        }
    }
}
