package dev.tuneagent.surrogate.proposer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import dev.tuneagent.surrogate.encoding.FeatureMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingSetTest {
    static Trial trial(int n, TrialState state, Double value, double a) {
        return new Trial(n, Map.of("a", a, "b", 0.5), state, value, Map.of(), Provenance.of("test", 0), Instant.EPOCH,
                Instant.EPOCH, null);
    }

    @Test
    void a_pruned_trial_is_an_observation_at_its_last_value_and_a_failed_one_is_imputed_as_the_worst() {
        var h = new Histories(Histories.SQUARE, Direction.MINIMIZE, 0).snapshot();
        List<Trial> t = new ArrayList<>(List.of(trial(0, TrialState.COMPLETE, 1.0, 0.1),
                trial(1, TrialState.COMPLETE, 3.0, 0.2), trial(2, TrialState.PRUNED, 2.0, 0.3),
                trial(3, TrialState.FAILED, null, 0.4), trial(4, TrialState.PRUNED, null, 0.5)));
        var snap = new StudySnapshot(h.study(), t);
        TrainingSet data = TrainingSet.from(snap, new FeatureMap(Histories.SQUARE));
        assertThat(data.completedCount()).isEqualTo(3);
        assertThat(data.targets()).hasSize(5);
        double[] y = data.targets();
        // observations come first in trial order (1.0, 3.0, 2.0 warped, monotone), then the imputed ones
        assertThat(y[0]).isLessThan(y[2]);
        assertThat(y[2]).isLessThan(y[1]);
        assertThat(y[3]).isEqualTo(y[1]);
        assertThat(y[4]).isEqualTo(y[1]);
    }
}
