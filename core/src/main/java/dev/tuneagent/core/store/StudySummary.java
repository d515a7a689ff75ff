package dev.tuneagent.core.store;

import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A study with its trial counts per state and its best value, for listings. */
public record StudySummary(StudyDefinition definition, Map<TrialState, Integer> counts, Double bestValue) {
    public StudySummary {
        counts = Map.copyOf(counts);
    }

    /** Counts the trials per state and picks the best COMPLETE value in the study's direction. */
    public static StudySummary of(StudyDefinition definition, List<Trial> trials) {
        Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
        for (Trial t : trials) {
            counts.merge(t.state(), 1, Integer::sum);
        }
        Double best = new StudySnapshot(definition, trials).best().map(Trial::value).orElse(null);
        return new StudySummary(definition, counts, best);
    }

    public int count(TrialState state) {
        return counts.getOrDefault(state, 0);
    }

    public int finished() {
        return count(TrialState.COMPLETE) + count(TrialState.FAILED) + count(TrialState.PRUNED);
    }
}
