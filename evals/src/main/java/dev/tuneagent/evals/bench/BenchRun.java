package dev.tuneagent.evals.bench;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.space.InvalidValueException;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.store.InMemoryStudyStore;
import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialOutcome;
import dev.tuneagent.evals.functions.BenchmarkFunction;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Runs one proposer on one benchmark function: one proposal per trial, evaluated directly (no job launcher,
 * no processes), minimization. The history lives in an {@link InMemoryStudyStore}, so the proposer sees exactly
 * the snapshots a real study would hand it.
 */
public final class BenchRun {
    /** summarize.py takes log10(max(regret, 1e-12)); clamping here keeps the stored curve the same. */
    public static final double REGRET_FLOOR = 1e-12;

    private BenchRun() {
    }

    /** A study definition for a benchmark run; the study seed is the run's seed. */
    public static StudyDefinition definition(BenchmarkFunction f, String label, long seed, int trials) {
        return new StudyDefinition("bench-" + f.name() + "-" + safe(label) + "-" + seed, f.space(), Direction.MINIMIZE,
                "value", seed, trials, "{}", Instant.EPOCH);
    }

    public static RunResult run(BenchmarkFunction f, Proposer proposer, String label, long seed, int trials) {
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be at least 1, got " + trials);
        }
        StudyDefinition def = definition(f, label, seed, trials);
        double[] regret = new double[trials];
        double best = Double.POSITIVE_INFINITY;
        long proposeNanos = 0;
        double tolerance = 1e-9 * Math.max(1.0, Math.abs(f.minimum()));
        try (StudyStore store = new InMemoryStudyStore()) {
            store.createStudy(def);
            for (int t = 0; t < trials; t++) {
                StudySnapshot snapshot = store.snapshot(def.name());
                long start = System.nanoTime();
                List<Proposal> proposals = proposer.propose(snapshot, 1);
                proposeNanos += System.nanoTime() - start;
                Map<String, Object> config = checked(def.space(), f, label, seed, t, proposals);
                Trial trial = store.startTrial(def.name(), new Proposal(config, proposals.get(0).provenance()),
                        Instant.EPOCH);
                double value = f.evaluate(config);
                store.finishTrial(def.name(), trial.number(), TrialOutcome.complete(value, Map.of()), Instant.EPOCH);
                if (Double.isFinite(value)) {
                    best = Math.min(best, value);
                }
                if (best < f.minimum() - tolerance) {
                    throw new IllegalStateException(f.name() + ": found " + best + " below the stated minimum "
                            + f.minimum() + " at " + config);
                }
                regret[t] = Math.max(best - f.minimum(), REGRET_FLOOR);
            }
        }
        return new RunResult(f.name(), label, seed, regret, proposeNanos / 1e6 / trials);
    }

    private static Map<String, Object> checked(SearchSpace space, BenchmarkFunction f, String label, long seed,
                                               int trial, List<Proposal> proposals) {
        String where = label + " on " + f.name() + " (seed " + seed + ", trial " + trial + ")";
        if (proposals == null || proposals.size() != 1) {
            throw new IllegalStateException(where + ": asked for 1 proposal, got "
                    + (proposals == null ? "null" : proposals.size()));
        }
        try {
            return space.coerce(proposals.get(0).params());
        } catch (InvalidValueException e) {
            throw new IllegalStateException(where + ": proposal outside the space: " + e.getMessage(), e);
        }
    }

    private static String safe(String label) {
        return label.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
