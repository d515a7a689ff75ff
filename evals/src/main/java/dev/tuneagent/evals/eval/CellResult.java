package dev.tuneagent.evals.eval;

import dev.tuneagent.core.study.Direction;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of {@code results.jsonl}: a finished cell. The fields the issue names ({@code task} .. {@code
 * proposer_ms}, {@code model}, {@code cassette}) plus what rebuilding the report from this file alone needs:
 * {@code metric}, {@code direction}, and for test functions {@code view} and the known {@code minimum}.
 *
 * @param status     {@code ok}, {@code failed} (reason says why; the other cells ran on) or {@code skipped}
 *                   ({@code default} on a task without a default configuration)
 * @param best       the final best value on the task's own scale (null when no trial succeeded)
 * @param curve      best so far after each trial, on the task's own scale; null before the first success
 * @param costUsd    estimated dollars; null when the model's prices are unknown
 * @param proposerMs total wall milliseconds inside {@code propose} (model calls included)
 * @param proposer   the cell's label: the proposer, or PROPOSER+PRUNER ({@link PrunerLabel})
 * @param pruner     {@code none}, {@code median} or {@code asha}
 * @param resource   steps of intermediate reports the cell's trials used (CV folds; 1 per trial without reports)
 */
public record CellResult(String task, String proposer, long seed, String status, String reason, Double best,
                         List<Double> curve, int calls, long tokens, Double costUsd, int fallbacks, double wallS,
                         double proposerMs, String model, String cassette, String metric, Direction direction,
                         String view, Double minimum, String pruner, long resource) {
    public static final String OK = "ok";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";

    public CellResult {
        curve = curve == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(curve));
        pruner = pruner == null ? PrunerLabel.pruner(proposer) : pruner;
    }

    /** A cell without pruning whose resource was not counted (results written before {@code --pruner}). */
    public CellResult(String task, String proposer, long seed, String status, String reason, Double best,
                      List<Double> curve, int calls, long tokens, Double costUsd, int fallbacks, double wallS,
                      double proposerMs, String model, String cassette, String metric, Direction direction,
                      String view, Double minimum) {
        this(task, proposer, seed, status, reason, best, curve, calls, tokens, costUsd, fallbacks, wallS, proposerMs,
                model, cassette, metric, direction, view, minimum, null, 0);
    }

    public String key() {
        return key(task, proposer, seed);
    }

    public static String key(String task, String proposer, long seed) {
        return task + "\u0000" + proposer + "\u0000" + seed;
    }

    public boolean ok() {
        return OK.equals(status);
    }

    /** Best so far after {@code n} trials (1-based); the last value when the curve is shorter (default, exhausted). */
    public Double at(int n) {
        if (curve.isEmpty()) {
            return null;
        }
        return curve.get(Math.min(n, curve.size()) - 1);
    }

    /** Simple regret after n trials, floored at 1e-12 (test functions only). */
    public Double regretAt(int n) {
        Double v = at(n);
        return v == null || minimum == null ? null : Math.max(v - minimum, 1e-12);
    }
}
