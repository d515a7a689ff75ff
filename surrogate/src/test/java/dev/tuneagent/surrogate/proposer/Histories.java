package dev.tuneagent.surrogate.proposer;

import dev.tuneagent.core.space.CategoricalParam;
import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.space.IntParam;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds snapshots by hand for proposer tests. */
final class Histories {
    static final SearchSpace MIXED = SearchSpace.of(
            new FloatParam("lr", 1e-4, 1.0, true),
            new FloatParam("x", -2, 3, false),
            new IntParam("layers", 1, 6, false),
            new CategoricalParam("act", List.of("relu", "tanh", "gelu")));
    static final SearchSpace SQUARE = SearchSpace.of(new FloatParam("a", 0, 1, false), new FloatParam("b", 0, 1, false));

    private final StudyDefinition definition;
    private final List<Trial> trials = new ArrayList<>();

    Histories(SearchSpace space, Direction direction, long seed) {
        definition = new StudyDefinition("t", space, direction, "y", seed, 100, "{}", Instant.EPOCH);
    }

    Histories complete(Map<String, Object> params, double value) {
        trials.add(new Trial(trials.size(), params, TrialState.COMPLETE, value, Map.of(), Provenance.of("test", 0),
                Instant.EPOCH, Instant.EPOCH, null));
        return this;
    }

    /** A completed trial carrying attributes, e.g. {@code source=warmstart}. */
    Histories complete(Map<String, Object> params, double value, Map<String, Object> attrs) {
        trials.add(new Trial(trials.size(), params, TrialState.COMPLETE, value, Map.of(), Provenance.of("test", 0),
                Instant.EPOCH, Instant.EPOCH, null, attrs));
        return this;
    }

    Histories add(Map<String, Object> params, TrialState state) {
        trials.add(new Trial(trials.size(), params, state, null, Map.of(), Provenance.of("test", 0), Instant.EPOCH,
                state.isFinished() ? Instant.EPOCH : null, state == TrialState.FAILED ? "boom" : null));
        return this;
    }

    StudySnapshot snapshot() {
        return new StudySnapshot(definition, trials);
    }
}
