package dev.tuneagent.surrogate.bench;

import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.space.Param;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import dev.tuneagent.surrogate.proposer.GpProposer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Development-only: times propose() on N random Hartmann6 points, cold then warm. */
public final class OverheadProbe {
    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int reps = Integer.parseInt(args[1]);
        var fn = QuickBench.fn("hartmann6");
        List<Param> ps = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ps.add(new FloatParam("x" + i, 0, 1, false));
        }
        SearchSpace space = new SearchSpace(ps);
        SplittableRandom rng = new SplittableRandom(42);
        List<Trial> hist = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            double[] x = new double[6];
            Map<String, Object> params = new java.util.LinkedHashMap<>();
            for (int i = 0; i < 6; i++) {
                x[i] = rng.nextDouble();
                params.put("x" + i, x[i]);
            }
            hist.add(new Trial(t, params, TrialState.COMPLETE, fn.f().applyAsDouble(x), Map.of(), Provenance.of("r", 0), Instant.EPOCH, Instant.EPOCH, null));
        }
        GpProposer gp = new GpProposer(DevSettings.fromSystemProperties());
        for (int r = 0; r < reps; r++) {
            StudyDefinition def = new StudyDefinition("b", space, Direction.MINIMIZE, "y", r, 10, "{}", Instant.EPOCH);
            var mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            gp.propose(new StudySnapshot(def, hist), 1);
            System.out.printf("rep %d: %.0f ms (cpu %.0f)%n", r, (System.nanoTime() - t0) / 1e6, (mx.getCurrentThreadCpuTime() - c0) / 1e6);
        }
    }
}
