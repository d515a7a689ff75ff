package dev.tuneagent.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tuneagent.core.space.CategoricalParam;
import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class ParamImportanceTest {
    private static final SearchSpace SPACE = SearchSpace.of(new FloatParam("signal", 0.001, 1, true),
            new FloatParam("noise", 0, 1, false), new CategoricalParam("kind", List.of("a", "b", "c")));

    static StudySnapshot study(int n, long seed, ToDoubleFunction<Map<String, Object>> f) {
        Random r = new Random(seed);
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("signal", Math.exp(Math.log(0.001) * r.nextDouble()));
            p.put("noise", r.nextDouble());
            p.put("kind", List.of("a", "b", "c").get(r.nextInt(3)));
            trials.add(new Trial(i, p, TrialState.COMPLETE, f.applyAsDouble(p), Map.of(), null, null, null, null));
        }
        return new StudySnapshot(new StudyDefinition("s", SPACE, Direction.MINIMIZE, "loss", 0, n, "{}", Instant.EPOCH), trials);
    }

    static double share(List<ParamImportance.Score> scores, String name) {
        return scores.stream().filter(s -> s.param().equals(name)).findFirst().orElseThrow().share();
    }

    @Test
    void aParameterThatDecidesTheResultExplainsMostOfItAndNoiseExplainsAlmostNothing() {
        List<ParamImportance.Score> scores = ParamImportance.of(study(60, 1, p -> Math.log((double) p.get("signal"))));
        assertThat(scores.get(0).param()).isEqualTo("signal");
        assertThat(share(scores, "signal")).isGreaterThan(0.8);
        assertThat(share(scores, "noise")).isLessThan(0.15);
        assertThat(share(scores, "kind")).isLessThan(0.15);
        assertThat(scores.get(0).groups()).isEqualTo(8); // round(sqrt(60)) equal-count bins
    }

    @Test
    void categoricalParametersAreGroupedByChoice() {
        List<ParamImportance.Score> scores = ParamImportance.of(study(40, 2, p -> p.get("kind").equals("b") ? 10 : 0));
        assertThat(scores.get(0).param()).isEqualTo("kind");
        assertThat(scores.get(0).groups()).isEqualTo(3);
        assertThat(share(scores, "kind")).isGreaterThan(0.9);
    }

    @Test
    void ranksMakeTheAnswerBlindToMonotoneTransformsOfTheObjectiveAndOfTheParameters() {
        var plain = ParamImportance.of(study(30, 3, p -> (double) p.get("signal") + (double) p.get("noise")));
        var warped = ParamImportance.of(study(30, 3, p -> Math.exp(20 * ((double) p.get("signal") + (double) p.get("noise")))));
        for (String name : SPACE.names()) {
            assertThat(share(warped, name)).as(name).isCloseTo(share(plain, name), within(1e-12));
        }
    }

    @Test
    void tooFewTrialsOrAConstantObjectiveGiveNoImportance() {
        assertThat(ParamImportance.of(study(3, 4, p -> (double) p.get("noise")))).isEmpty();
        assertThat(ParamImportance.of(study(20, 4, p -> 1.0))).allSatisfy(s -> assertThat(s.share()).isZero());
    }

    @Test
    void theEstimateMatchesTheCorrelationRatioWorkedByHand() {
        // ranks 1..6; groups {1,2,3} and {4,5,6}: between = 3*(2-3.5)^2*2 = 13.5, total = 17.5, eta2 = 0.771428...
        // adjusted = 1 - (1 - 0.771428)(5/4) = 0.714285...
        var s = ParamImportance.score("x", new double[] {1, 2, 3, 4, 5, 6}, new int[] {0, 0, 0, 1, 1, 1});
        assertThat(s.share()).isCloseTo(1 - (1 - 13.5 / 17.5) * 5 / 4, within(1e-12));
        assertThat(ParamImportance.ranks(new double[] {5, 1, 5, 3})).containsExactly(3.5, 1, 3.5, 2);
        assertThat(ParamImportance.groups(List.of(1.0, 2.0, 2.0, 2.0, 3.0, 4.0), 2)).containsExactly(0, 0, 0, 0, 1, 1);
    }
}
