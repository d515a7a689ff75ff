package dev.tuneagent.evals.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.proposer.RandomProposer;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.evals.functions.BenchmarkFunctions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PruneBenchTest {
    @TempDir
    Path dir;

    @Test
    void a_learning_curve_ends_at_the_function_and_starts_above_it() {
        var job = new LearningCurveJob(BenchmarkFunctions.BRANIN, 27, 10.0);
        Map<String, Object> x = Map.of("x0", 1.0, "x1", 2.0);
        double f = BenchmarkFunctions.BRANIN.evaluate(x);
        assertThat(job.value(x, 27)).isEqualTo(f);
        assertThat(job.value(x, 1)).isGreaterThan(job.value(x, 9)).isGreaterThan(f);
    }

    @Test
    void the_pruned_run_spends_exactly_the_resource_of_the_run_without_pruning_and_repeats_bit_for_bit() {
        var tasks = new PruneTasks(9);
        var task = tasks.task("lc-branin");
        var pruner = PruneBenchCommand.pruner("asha", 9);
        PruneBench.Pair a = PruneBench.pair(task, pruner, RandomProposer::new, 3, 12, dir.resolve("a"));
        assertThat(a.none().trials()).isEqualTo(12);
        assertThat(a.none().resource()).isEqualTo(12 * 9);
        assertThat(a.pruned().resource()).isEqualTo(a.none().resource());
        assertThat(a.pruned().trials()).isGreaterThan(12);
        assertThat(a.pruned().pruned()).isPositive();
        PruneBench.Pair b = PruneBench.pair(task, pruner, RandomProposer::new, 3, 12, dir.resolve("b"));
        assertThat(b.pruned().best()).isEqualTo(a.pruned().best());
        assertThat(b.pruned().bestByResource()).usingRecursiveComparison().isEqualTo(a.pruned().bestByResource());
        String table = PruneReport.table(List.of(a), Map.of("lc-branin", Direction.MINIMIZE));
        assertThat(table).contains("| lc-branin | asha | 1 |").contains("12 → " + a.pruned().trials());
    }

    @Test
    void resource_to_reach_is_the_first_point_at_or_past_the_target() {
        var run = new PruneBench.Run(30, 1.0, List.of(new double[] {5, 3.0}, new double[] {10, 2.0},
                new double[] {30, 1.0}), 3, 0);
        assertThat(run.resourceToReach(2.0, Direction.MINIMIZE)).isEqualTo(10);
        assertThat(run.resourceToReach(0.5, Direction.MINIMIZE)).isEqualTo(-1);
        assertThat(PruneReport.median(List.of(1.0, Double.POSITIVE_INFINITY, 3.0, 2.0, Double.POSITIVE_INFINITY)))
                .isEqualTo(3.0);
    }

    @Test
    void unknown_tasks_and_pruners_are_named() {
        var tasks = new PruneTasks(9);
        assertThatThrownBy(() -> tasks.task("lc-nosuch")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("branin");
        assertThatThrownBy(() -> tasks.task("knn-nosuch")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("MODEL-DATASET");
        assertThatThrownBy(() -> PruneBenchCommand.pruner("percentile", 9)).isInstanceOf(ConfigException.class);
    }
}
