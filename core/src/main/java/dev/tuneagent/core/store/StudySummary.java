package dev.tuneagent.core.store;

import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.TrialState;
import java.util.Map;

/** A study with its trial counts per state and its best value, for listings. */
public record StudySummary(StudyDefinition definition, Map<TrialState, Integer> counts, Double bestValue) {
    public StudySummary {
        counts = Map.copyOf(counts);
    }

    public int count(TrialState state) {
        return counts.getOrDefault(state, 0);
    }

    public int finished() {
        return count(TrialState.COMPLETE) + count(TrialState.FAILED) + count(TrialState.PRUNED);
    }
}
