package dev.tuneagent.agent.proposers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuneagent.core.space.FloatParam;
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
import org.junit.jupiter.api.Test;

class GpEiScorerTest {
    private static final SearchSpace SPACE = SearchSpace.of(new FloatParam("x", 0, 1, false),
            new FloatParam("y", 0, 1, false));
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static StudySnapshot bowl(int n) {
        StudyDefinition def = new StudyDefinition("s", SPACE, Direction.MINIMIZE, "loss", 3, 50, "{}", T0);
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = ((i * 7) % n + 0.5) / n;
            double y = ((i * 3) % n + 0.5) / n;
            double loss = 100 * ((x - 0.2) * (x - 0.2) + (y - 0.3) * (y - 0.3));
            trials.add(new Trial(i, Map.of("x", x, "y", y), TrialState.COMPLETE, loss, Map.of("loss", loss),
                    Provenance.of("sobol", 0), T0, T0, null));
        }
        return new StudySnapshot(def, trials);
    }

    @Test
    void candidatesFarFromTheIncumbentStillGetDistinctFiniteScores() {
        // Log values: where plain EI would be a tiny or zero number, these still separate candidates.
        List<Map<String, Object>> far = List.of(Map.of("x", 1.0, "y", 1.0), Map.of("x", 0.9, "y", 0.95),
                Map.of("x", 0.8, "y", 0.9));
        double[] s = new GpEiScorer().score(bowl(12), far);
        for (double v : s) {
            assertThat(v).isFinite();
        }
        assertThat(s).doesNotHaveDuplicates();
        assertThat(s[0]).as("log EI of a poor candidate is below log(1)").isNegative();
    }

    @Test
    void aCandidateNearTheMinimumOutranksOneNearTheWorstCorner() {
        double[] s = new GpEiScorer().score(bowl(12), List.of(Map.of("x", 1.0, "y", 1.0), Map.of("x", 0.2, "y", 0.3)));
        assertThat(s[1]).isGreaterThan(s[0]);
    }

    @Test
    void theSameSnapshotScoresTheSameWay() {
        List<Map<String, Object>> c = List.of(Map.of("x", 0.5, "y", 0.5), Map.of("x", 0.1, "y", 0.7));
        assertThat(new GpEiScorer().score(bowl(10), c)).containsExactly(new GpEiScorer().score(bowl(10), c));
    }

    @Test
    void fewerThanTwoCompletedTrialsIsAClearError() {
        assertThatThrownBy(() -> new GpEiScorer().score(bowl(1), List.of(Map.of("x", 0.5, "y", 0.5))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 2 completed trials");
    }
}
