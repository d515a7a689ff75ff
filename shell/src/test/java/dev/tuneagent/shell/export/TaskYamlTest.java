package dev.tuneagent.shell.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.task.TaskFileParser;
import dev.tuneagent.core.task.TaskFileWriter;
import dev.tuneagent.core.task.TaskSpec;
import dev.tuneagent.shell.fixtures.StudyFixtures;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskYamlTest {
    @TempDir
    Path dir;

    @Test
    void theExportedYamlParsesBackToTheSameTaskEvenWithStringsThatLookLikeOtherTypes() {
        TaskSpec task = new TaskFileParser().parse("""
                name: tricky
                objective: {metric: value, direction: minimize}
                job: {type: command, argv: [python3, "train: it.py", "{params}"], timeout: 90s, metric: value}
                space:
                  mode: {type: categorical, choices: ["1", "yes", "null", "a: b", "#x", 2, true]}
                  lr: {type: float, low: 0.0001, high: 1, log: true}
                budget: {trials: 7, max_tokens: 1000}
                seed: 11
                description: "line one\\nline two: with a colon # and a hash"
                """, dir, false);
        String stored = TaskFileWriter.toJson(task);
        String yaml = TaskYaml.write(new StudyDefinition("tricky", task.space(), task.direction(), task.metric(),
                task.seed(), task.trials(), stored, Instant.EPOCH), "sqlite:x.db");
        assertThat(yaml).startsWith("# The task of study tricky (sqlite:x.db)").doesNotContain("---");
        TaskSpec back = new TaskFileParser().parse(yaml, dir, false);
        assertThat(TaskFileWriter.toJson(back)).isEqualTo(stored);
    }

    @Test
    void aStudyWithoutAStoredTaskCannotBeExportedAsYaml() {
        assertThatThrownBy(() -> TaskYaml.write(StudyFixtures.definition("code", 3), "memory:"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--format: study \"code\" was not created from a task file");
    }
}
