package dev.tuneagent.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.prune.HyperbandPruner;
import dev.tuneagent.core.prune.MedianPruner;
import dev.tuneagent.core.prune.Pruner;
import dev.tuneagent.core.prune.SuccessiveHalvingPruner;
import org.junit.jupiter.api.Test;

class PrunerSectionTest {
    static JsonNode yaml(String text) throws Exception {
        return new YAMLMapper().readTree(text);
    }

    @Test
    void each_type_reads_with_optunas_defaults() throws Exception {
        assertThat(PrunerSection.read(yaml("{type: none}"), null)).isSameAs(Pruner.NONE);
        assertThat(PrunerSection.read(yaml("{type: median}"), null)).isEqualTo(new MedianPruner(5, 0, 1, 1));
        assertThat(PrunerSection.read(yaml("{type: median, startup_trials: 2, warmup_steps: 1, interval: 2}"), null))
                .isEqualTo(new MedianPruner(2, 1, 2, 1));
        assertThat(PrunerSection.read(yaml("{type: asha}"), null)).isEqualTo(new SuccessiveHalvingPruner(1, 4, 0, 0));
        assertThat(PrunerSection.read(yaml("{type: ASHA, reduction_factor: 3, min_resource: 2}"), null))
                .isEqualTo(new SuccessiveHalvingPruner(2, 3, 0, 0));
        assertThat(PrunerSection.read(yaml("{type: hyperband}"), 5)).isEqualTo(new HyperbandPruner(1, 5, 3));
        assertThat(PrunerSection.read(yaml("{type: hyperband, max_resource: 81}"), null))
                .isEqualTo(new HyperbandPruner(1, 81, 3));
    }

    @Test
    void settings_out_of_range_name_the_field() {
        assertError("{type: asha, reduction_factor: 1}", "pruner.reduction_factor", "got 1");
        assertError("{type: median, warmup_steps: -2}", "pruner.warmup_steps", "got -2");
        assertError("{type: median, interval: 0}", "pruner.interval", "got 0");
        assertError("{type: hyperband}", "pruner.max_resource", "missing");
        assertError("{type: hyperband, min_resource: 4, max_resource: 4}", "pruner.max_resource", "more than min_resource");
        assertError("{type: percentile}", "pruner.type", "none, median, asha or hyperband");
        assertError("{type: median, reduction_factor: 3}", "pruner", "reduction_factor");
        assertError("median", "pruner", "a mapping");
    }

    static void assertError(String text, String path, String says) {
        assertThatThrownBy(() -> PrunerSection.read(yaml(text), null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(path).hasMessageContaining(says);
    }

    static final String TASK = """
            name: p
            objective: {metric: accuracy, direction: maximize}
            job: {type: inprocess, dataset: iris, model: knn, folds: 5}
            budget: {trials: 10%s}
            %s
            """;

    @Test
    void a_task_file_carries_its_pruner_and_resource_through_a_stored_round_trip() {
        var parser = new TaskFileParser();
        TaskSpec t = parser.parse(TASK.formatted(", resource: 30", "pruner: {type: hyperband, reduction_factor: 2}"),
                java.nio.file.Path.of("/tmp"), false);
        assertThat(t.pruner()).isEqualTo(new HyperbandPruner(1, 5, 2)); // max_resource defaults to the folds
        assertThat(t.resource()).isEqualTo(30);
        TaskSpec again = parser.parse(TaskFileWriter.toJson(t), java.nio.file.Path.of("/tmp"), true);
        assertThat(again.pruner()).isEqualTo(t.pruner());
        assertThat(again.resource()).isEqualTo(30);
        TaskSpec plain = parser.parse(TASK.formatted("", ""), java.nio.file.Path.of("/tmp"), false);
        assertThat(plain.pruner()).isSameAs(Pruner.NONE);
        assertThat(plain.resource()).isNull();
        assertThat(TaskFileWriter.toJson(plain)).doesNotContain("pruner").doesNotContain("resource");
    }

    @Test
    void a_resource_smaller_than_one_trial_is_refused() {
        assertThatThrownBy(() -> new TaskFileParser().parse(TASK.formatted(", resource: 3", ""),
                java.nio.file.Path.of("/tmp"), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("budget.resource").hasMessageContaining("at least one trial's steps (5");
        assertThatThrownBy(() -> new TaskFileParser().parse(TASK.formatted(", resource: 0", ""),
                java.nio.file.Path.of("/tmp"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("budget.resource");
    }
}
