package dev.tuneagent.evals.bench;

import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.Seeds;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import dev.tuneagent.evals.functions.BenchmarkFunction;
import dev.tuneagent.evals.functions.BenchmarkFunctions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Proposer overhead against history size: the wall time of one {@code propose(snapshot, 1)} on a 6-D history
 * of n uniform random points of Hartmann6 (the same points for every proposer), median over repetitions.
 * Each repetition uses a different study seed so a proposer cannot reuse the previous answer.
 */
public final class Overhead {
    public static final List<Integer> SIZES = List.of(50, 100, 200, 500);
    /** Issue 3's limits: ms per proposal at 100 and at 500 observations. */
    static final Map<Integer, Double> LIMITS_MS = Map.of(100, 100.0, 500, 1000.0);
    private static final long DESIGN_SEED = 20261126L;

    private Overhead() {
    }

    /** A snapshot of n completed random trials on Hartmann6, identical for a given n. */
    public static StudySnapshot history(int n, long studySeed) {
        BenchmarkFunction f = BenchmarkFunctions.HARTMANN6;
        StudyDefinition def = new StudyDefinition("overhead-" + n, f.space(), Direction.MINIMIZE, "value", studySeed,
                n + 1, "{}", Instant.EPOCH);
        RandomGenerator rng = Seeds.rng(DESIGN_SEED);
        List<Trial> trials = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            double[] u = new double[f.dimension()];
            for (int j = 0; j < u.length; j++) {
                u[j] = rng.nextDouble();
            }
            Map<String, Object> config = def.space().decode(u);
            trials.add(new Trial(t, config, TrialState.COMPLETE, f.evaluate(config), Map.of(),
                    Provenance.of("design", DESIGN_SEED), Instant.EPOCH, Instant.EPOCH, null));
        }
        return new StudySnapshot(def, trials);
    }

    /**
     * Median milliseconds per proposal for each history size: wall-clock time (what the issue's limits are about)
     * and the calling thread's CPU time, which other jobs on a shared machine inflate far less. CPU time misses
     * work a proposer hands to other threads (none of ours does).
     */
    public record Timings(Map<Integer, Double> wallMs, Map<Integer, Double> cpuMs) {
    }

    /** Timings after one untimed warm-up call; each repetition uses another study seed. */
    public static Timings measure(Proposer proposer, List<Integer> sizes, int repetitions) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported();
        proposer.propose(history(sizes.get(0), -1), 1);
        Map<Integer, Double> wall = new LinkedHashMap<>();
        Map<Integer, Double> cpuMs = new LinkedHashMap<>();
        for (int n : sizes) {
            List<Double> w = new ArrayList<>();
            List<Double> c = new ArrayList<>();
            for (int rep = 0; rep < repetitions; rep++) {
                StudySnapshot snapshot = history(n, rep);
                long cpuStart = cpu ? threads.getCurrentThreadCpuTime() : 0;
                long start = System.nanoTime();
                proposer.propose(snapshot, 1);
                w.add((System.nanoTime() - start) / 1e6);
                if (cpu) {
                    c.add((threads.getCurrentThreadCpuTime() - cpuStart) / 1e6);
                }
            }
            wall.put(n, Stats.median(w));
            if (cpu) {
                cpuMs.put(n, Stats.median(c));
            }
        }
        return new Timings(wall, cpuMs);
    }

    /**
     * How the time grows with the history: the least-squares slope of log(ms) against log(n) over the
     * measured sizes (1 = linear, 3 = cubic); empty when times are too small to tell.
     */
    static String exponent(Map<Integer, Double> msBySize) {
        List<double[]> pts = msBySize.entrySet().stream().filter(e -> e.getValue() >= 0.05)
                .map(e -> new double[] {Math.log(e.getKey()), Math.log(e.getValue())}).toList();
        if (pts.size() < 2) {
            return "";
        }
        double mx = pts.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double my = pts.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (double[] p : pts) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
        }
        return Stats.fixed(sxy / sxx, 2);
    }

    public static String markdown(Map<String, Map<Integer, Double>> byProposer, List<Integer> sizes) {
        StringBuilder sb = new StringBuilder("| proposer |");
        StringBuilder rule = new StringBuilder("|---|");
        for (int n : sizes) {
            sb.append(" ms @").append(n).append(" obs |");
            rule.append("---|");
        }
        sb.append(" growth ~ n^k, k | target (≤100 ms @100, ≤1000 ms @500) |\n").append(rule).append("---|---|");
        for (Map.Entry<String, Map<Integer, Double>> e : byProposer.entrySet()) {
            sb.append("\n| ").append(e.getKey()).append(" |");
            boolean met = true;
            for (int n : sizes) {
                Double ms = e.getValue().get(n);
                sb.append(' ').append(ms == null ? "" : Stats.fixed(ms, 1)).append(" |");
                Double limit = LIMITS_MS.get(n);
                if (limit != null && ms != null && ms > limit) {
                    met = false;
                }
            }
            sb.append(' ').append(exponent(e.getValue())).append(" |");
            boolean measured = LIMITS_MS.keySet().stream().allMatch(n -> e.getValue().containsKey(n));
            sb.append(' ').append(!measured ? "?" : met ? "met" : "MISSED").append(" |");
        }
        return sb.toString();
    }
}
