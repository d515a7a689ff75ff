package dev.tuneagent.shell.plot;

import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import java.util.ArrayList;
import java.util.List;

/**
 * What both plots draw, in trial-number order: each COMPLETE trial's value, the best value so far after
 * each COMPLETE trial, and the numbers of the FAILED (and PRUNED) trials.
 */
record History(List<Integer> completeX, List<Double> values, List<Double> bestSoFar, List<Integer> failedX,
               double min, double max, int trials) {

    static History of(StudySnapshot s) {
        Direction dir = s.direction();
        List<Integer> x = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Double> best = new ArrayList<>();
        List<Integer> failed = new ArrayList<>();
        Double b = null;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Trial t : s.trials()) {
            if (t.isComplete()) {
                double v = t.value();
                b = b == null || dir.better(v, b) ? v : b;
                x.add(t.number());
                values.add(v);
                best.add(b);
                min = Math.min(min, v);
                max = Math.max(max, v);
            } else if (t.state() == TrialState.FAILED || t.state() == TrialState.PRUNED) {
                failed.add(t.number());
            }
        }
        return new History(List.copyOf(x), List.copyOf(values), List.copyOf(best), List.copyOf(failed), min, max,
                s.trials().size());
    }

    boolean hasValues() {
        return !values.isEmpty();
    }
}
