package dev.tuneagent.prompts.history;

import dev.tuneagent.core.prune.Intermediate;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One trial with a score as the prompts see it.
 *
 * @param note null for a COMPLETE trial; for a trial a pruner stopped, e.g. {@code stopped early at step 2 of 5}
 *             (its score is then the last value it reported)
 */
public record HistoryRow(int trial, Map<String, Object> params, double score, String note) {
    public HistoryRow {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }

    public HistoryRow(int trial, Map<String, Object> params, double score) {
        this(trial, params, score, null);
    }

    /** The completed trials of a snapshot in trial order (failed and pending trials carry no score). */
    public static List<HistoryRow> completed(StudySnapshot snapshot) {
        return snapshot.completed().stream().map(HistoryRow::of).toList();
    }

    /**
     * The completed trials and, in trial order among them, the PRUNED trials that reported a value, each with a
     * "stopped early at step k of K" note (K: the most steps a completed trial reported). Without pruned trials
     * this is exactly {@link #completed}, so prompts of studies without pruning do not change.
     */
    public static List<HistoryRow> withPruned(StudySnapshot snapshot) {
        int full = snapshot.completed().stream().mapToInt(Intermediate::lastStep).max().orElse(0);
        return snapshot.trials().stream().flatMap(t -> {
            if (t.isComplete()) {
                return Stream.of(of(t));
            }
            if (t.state() == TrialState.PRUNED && t.value() != null) {
                int step = Intermediate.lastStep(t);
                String note = "stopped early at step " + step + (full > step ? " of " + full : "");
                return Stream.of(new HistoryRow(t.number(), t.params(), t.value(), note));
            }
            return Stream.empty();
        }).toList();
    }

    static HistoryRow of(Trial t) {
        return new HistoryRow(t.number(), t.params(), t.value());
    }
}
