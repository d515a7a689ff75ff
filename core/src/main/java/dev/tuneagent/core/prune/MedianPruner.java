package dev.tuneagent.core.prune;

import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Optuna's {@code MedianPruner}: after at least {@code startupTrials} COMPLETE trials, and from step
 * {@code warmupSteps} on, at the first report of each {@code interval} of steps, a trial is pruned when its
 * best value so far is worse than the median of the COMPLETE trials' values at the same step (computed only
 * when at least {@code minTrials} of them reported that step).
 */
public record MedianPruner(int startupTrials, int warmupSteps, int interval, int minTrials) implements Pruner {

    public MedianPruner {
        if (startupTrials < 0 || warmupSteps < 0 || interval < 1 || minTrials < 1) {
            throw new IllegalArgumentException("median pruner: startup_trials and warmup_steps must be >= 0, "
                    + "interval and min_trials >= 1");
        }
    }

    /** Optuna's defaults: 5 startup trials, no warm-up, every step, one trial at the step. */
    public static MedianPruner defaults() {
        return new MedianPruner(5, 0, 1, 1);
    }

    @Override
    public String name() {
        return "median";
    }

    @Override
    public PruneDecision decide(StudySnapshot snapshot, Trial trial, List<Report> reports) {
        if (reports.isEmpty()) {
            return PruneDecision.KEEP;
        }
        List<Trial> completed = snapshot.trials().stream()
                .filter(t -> t.state() == TrialState.COMPLETE && t.number() != trial.number()).toList();
        if (completed.isEmpty() || completed.size() < startupTrials) {
            return PruneDecision.KEEP;
        }
        int step = reports.get(reports.size() - 1).step();
        if (step < warmupSteps || !firstInInterval(step, reports)) {
            return PruneDecision.KEEP;
        }
        Direction direction = snapshot.direction();
        double best = reports.stream().mapToDouble(r -> direction.toLoss(r.value())).min().orElseThrow();
        List<Double> atStep = new ArrayList<>();
        for (Trial t : completed) {
            for (Report r : Intermediate.of(t)) {
                if (r.step() == step) {
                    atStep.add(direction.toLoss(r.value()));
                }
            }
        }
        if (atStep.size() < minTrials) {
            return PruneDecision.KEEP;
        }
        double median = percentile(atStep, 50);
        if (!(best > median)) {
            return PruneDecision.KEEP;
        }
        double bestValue = direction.toLoss(best);
        double threshold = direction.toLoss(median);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("rule", name());
        d.put("step", step);
        d.put("value", bestValue);
        d.put("threshold", threshold);
        d.put("trials", atStep.size());
        return PruneDecision.prune(String.format("median rule at step %d: best so far %s is worse than the "
                + "median %s of %d completed trials at that step", step, num(bestValue), num(threshold),
                atStep.size()), d);
    }

    /** Optuna's rule: only the first report at or after each pruning step (warm-up + k * interval) counts. */
    private boolean firstInInterval(int step, List<Report> reports) {
        int nearestLower = (step - warmupSteps) / interval * interval + warmupSteps;
        int secondLast = -1;
        for (Report r : reports) {
            if (r.step() > secondLast && r.step() != step) {
                secondLast = r.step();
            }
        }
        return secondLast < nearestLower;
    }

    /** numpy's default (linear interpolation) percentile. */
    static double percentile(List<Double> values, double p) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double pos = (v.length - 1) * p / 100.0;
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, v.length - 1);
        return v[lo] + (v[hi] - v[lo]) * (pos - lo);
    }

    static String num(double v) {
        return String.format("%.6g", v);
    }

    @Override
    public String toString() {
        return "median" + Arrays.toString(new int[] {startupTrials, warmupSteps, interval, minTrials});
    }
}
