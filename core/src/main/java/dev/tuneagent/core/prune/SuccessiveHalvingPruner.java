package dev.tuneagent.core.prune;

import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Asynchronous successive halving (ASHA, Li et al. 2020), with the meaning of Optuna's
 * {@code SuccessiveHalvingPruner}. Rung k sits at step {@code minResource * reductionFactor^(rate + k)}.
 * When a trial's report first reaches a rung, its value there joins the rung's values (of every trial that
 * reached it, running or not); the trial goes on only if it is in the top {@code 1 / reductionFactor} of
 * them (for the first rung members, when the top fraction is empty, only if it is the best).
 *
 * <p>Rung values are not stored separately: a trial's value at rung k is its first report at or past the
 * rung's step, and a trial this pruner stopped at rung j (attrs {@code pruned.rung}) holds no rung above j.
 */
public record SuccessiveHalvingPruner(int minResource, int reductionFactor, int minEarlyStoppingRate,
                                      int bootstrapCount) implements Pruner {

    public SuccessiveHalvingPruner {
        if (minResource < 1 || reductionFactor < 2 || minEarlyStoppingRate < 0 || bootstrapCount < 0) {
            throw new IllegalArgumentException("asha: min_resource must be >= 1, reduction_factor >= 2, "
                    + "min_early_stopping_rate and bootstrap_count >= 0");
        }
    }

    @Override
    public String name() {
        return "asha";
    }

    @Override
    public PruneDecision decide(StudySnapshot snapshot, Trial trial, List<Report> reports) {
        return decide(snapshot, trial, reports, t -> true);
    }

    /** Decides among the trials {@code peers} accepts (Hyperband passes the trial's bracket). */
    PruneDecision decide(StudySnapshot snapshot, Trial trial, List<Report> reports, Predicate<Trial> peers) {
        if (reports.isEmpty()) {
            return PruneDecision.KEEP;
        }
        Report last = reports.get(reports.size() - 1);
        int previous = reports.size() > 1 ? reports.get(reports.size() - 2).step() : -1;
        Direction direction = snapshot.direction();
        double loss = direction.toLoss(last.value());
        for (int k = 0; rungStep(k) <= last.step(); k++) {
            long at = rungStep(k);
            if (at <= previous) {
                continue; // this rung was judged at an earlier report, and the trial went on
            }
            List<Double> competing = new ArrayList<>();
            for (Trial t : snapshot.trials()) {
                if (t.number() != trial.number() && peers.test(t)) {
                    Double v = rungValue(t, k);
                    if (v != null) {
                        competing.add(direction.toLoss(v));
                    }
                }
            }
            competing.add(loss);
            if (competing.size() <= bootstrapCount) {
                return pruned(k, last, null, competing.size(), direction, "fewer than bootstrap_count trials");
            }
            competing.sort(Double::compare);
            int idx = Math.max(0, competing.size() / reductionFactor - 1);
            double threshold = competing.get(idx);
            if (!(loss <= threshold)) {
                return pruned(k, last, direction.toLoss(threshold), competing.size(), direction, null);
            }
        }
        return PruneDecision.KEEP;
    }

    /** The step of rung k. */
    public long rungStep(int k) {
        return minResource * (long) Math.pow(reductionFactor, minEarlyStoppingRate + k);
    }

    /** The trial's value at rung k, or null when it never reached the rung. */
    Double rungValue(Trial t, int k) {
        int stoppedAt = Intermediate.prunedRung(t);
        if (stoppedAt >= 0 && k > stoppedAt) {
            return null;
        }
        long at = rungStep(k);
        for (Report r : Intermediate.of(t)) {
            if (r.step() >= at) {
                return r.value();
            }
        }
        return null;
    }

    private PruneDecision pruned(int rung, Report last, Double threshold, int members, Direction direction,
                                 String why) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("rule", name());
        d.put("rung", rung);
        d.put("step", last.step());
        d.put("value", last.value());
        if (threshold != null) {
            d.put("threshold", threshold);
        }
        d.put("trials", members);
        String reason = why != null ? String.format("asha rung %d (step %d): %s", rung, last.step(), why)
                : String.format("asha rung %d (step %d): value %s is not in the top 1/%d of the %d trials at "
                + "this rung (needed %s or %s)", rung, last.step(), MedianPruner.num(last.value()), reductionFactor,
                members, MedianPruner.num(threshold), direction == Direction.MINIMIZE ? "lower" : "higher");
        return PruneDecision.prune(reason, d);
    }
}
