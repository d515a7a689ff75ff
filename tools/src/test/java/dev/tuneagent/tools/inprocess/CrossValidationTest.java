package dev.tuneagent.tools.inprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tuneagent.tools.data.Dataset;
import dev.tuneagent.tools.data.Datasets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CrossValidationTest {
    final Dataset iris = new Datasets().load("iris", null);

    @Test
    void everyRowIsTestedExactlyOnceAndNeverTrainedOnInItsOwnFold() {
        List<int[][]> folds = Folds.split(iris, 5, 42);
        int[] tested = new int[iris.rows()];
        for (int[][] f : folds) {
            for (int r : f[1]) {
                tested[r]++;
            }
            assertThat(f[0].length + f[1].length).isEqualTo(iris.rows());
            assertThat(Arrays.stream(f[0]).filter(r -> Arrays.stream(f[1]).anyMatch(t -> t == r))).isEmpty();
        }
        assertThat(tested).containsOnly(1);
    }

    @Test
    void classificationFoldsAreStratified() {
        for (int[][] f : Folds.split(iris, 5, 42)) {
            Map<String, Long> counts = Arrays.stream(f[1]).mapToObj(r -> iris.labels().get(r))
                    .collect(java.util.stream.Collectors.groupingBy(s -> s, java.util.stream.Collectors.counting()));
            assertThat(counts).containsOnly(Map.entry("setosa", 10L), Map.entry("versicolor", 10L),
                    Map.entry("virginica", 10L));
        }
    }

    @Test
    void theSplitDependsOnlyOnTheSeed() {
        assertThat(Folds.split(iris, 5, 1).get(0)[1]).isEqualTo(Folds.split(iris, 5, 1).get(0)[1]);
        assertThat(Folds.split(iris, 5, 1).get(0)[1]).isNotEqualTo(Folds.split(iris, 5, 2).get(0)[1]);
    }

    @Test
    void regressionMetricsMatchTheirDefinitions() {
        Map<String, Double> m = CrossValidation.regressionMetrics(new double[] {1, 2, 3}, new double[] {1, 2, 4});
        assertThat(m.get("rmse")).isCloseTo(Math.sqrt(1.0 / 3), within(1e-12));
        assertThat(m.get("mae")).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(m.get("r2")).isCloseTo(0.5, within(1e-12)); // 1 - SSE 1 / SST 2
    }

    @Test
    void foldResultsAreSummarizedAsMeanAndPopulationStd() {
        Map<String, Double> s = CrossValidation.summarize(List.of(Map.of("accuracy", 0.8), Map.of("accuracy", 1.0)));
        assertThat(s.get("accuracy")).isCloseTo(0.9, within(1e-12));
        assertThat(s.get("accuracy_std")).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void aConstantColumnIsCentredNotDividedByZero() {
        double[][] x = {{5, 1}, {5, 3}};
        Dataset d = new Dataset("d", List.of("c", "v"), x, "y", List.of("a", "b"), null,
                dev.tuneagent.tools.data.TaskKind.CLASSIFICATION);
        Scaler s = Scaler.features(d, IntStream.range(0, 2).toArray());
        assertThat(s.apply(new double[] {5, 3})).containsExactly(0.0, 1.0);
    }
}
