package dev.tuneagent.surrogate.proposer;

import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import dev.tuneagent.surrogate.encoding.FeatureMap;
import dev.tuneagent.surrogate.gp.OutputWarping;
import java.util.ArrayList;
import java.util.List;

/**
 * What the GP is trained on, built from a snapshot. Completed trials contribute their loss
 * ({@code direction().toLoss(value)}), warped by {@link OutputWarping}; so do PRUNED trials, at their last
 * reported value. Failed trials (and pruned ones without a value) are NOT ignored: each is imputed with the
 * worst warped loss observed, so the model learns that
 * the region is bad and the optimizer does not keep proposing there (the policy of SMAC and
 * Optuna's GP sampler family). Points are the rounded unit-cube codes of the trials' parameters.
 */
record TrainingSet(List<double[]> points, double[] targets, int completedCount, double best,
                   List<double[]> anchorsBestFirst) {

    static TrainingSet from(StudySnapshot snapshot, FeatureMap map) {
        List<Trial> completed = snapshot.trials().stream().filter(t -> t.isComplete() || prunedWithValue(t))
                .filter(t -> encodable(snapshot, t)).toList();
        List<Trial> failed = snapshot.trials().stream()
                .filter(t -> t.state() == TrialState.FAILED || (t.state() == TrialState.PRUNED && !prunedWithValue(t)))
                .filter(t -> encodable(snapshot, t)).toList();
        List<double[]> points = new ArrayList<>();
        double[] losses = new double[completed.size()];
        for (int i = 0; i < completed.size(); i++) {
            Trial t = completed.get(i);
            points.add(map.round(snapshot.space().encode(t.params())));
            losses[i] = snapshot.direction().toLoss(t.value());
        }
        double[] warped = OutputWarping.warp(losses);
        double worst = Double.NEGATIVE_INFINITY;
        double best = Double.POSITIVE_INFINITY;
        for (double w : warped) {
            worst = Math.max(worst, w);
            best = Math.min(best, w);
        }
        double[] targets = new double[completed.size() + failed.size()];
        System.arraycopy(warped, 0, targets, 0, warped.length);
        int k = warped.length;
        for (Trial t : failed) {
            points.add(map.round(snapshot.space().encode(t.params())));
            targets[k++] = worst;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < warped.length; i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(warped[a], warped[b]));
        List<double[]> anchors = order.stream().map(points::get).toList();
        return new TrainingSet(points, targets, completed.size(), best, anchors);
    }

    /**
     * A pruned trial is an observation at its last reported value (the running mean of its folds, or its
     * learning curve where it stopped). Measured against imputing it as the worst value (docs/gp.md,
     * {@code tune bench-prune --proposer gp}): with ASHA, imputation sent the GP away from every region a
     * pruner had touched and lost on all seeds.
     */
    static boolean prunedWithValue(Trial t) {
        return t.state() == TrialState.PRUNED && t.value() != null;
    }

    /** A stored trial whose parameters no longer fit the space (hand-edited store) is skipped, not fatal. */
    static boolean encodable(StudySnapshot snapshot, Trial t) {
        try {
            snapshot.space().encode(t.params());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
