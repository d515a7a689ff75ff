package dev.tuneagent.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tuneagent.core.config.ConfigException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code budget.parallel}: how many trials a run keeps running at once. */
class ParallelBudgetTest {
    private final TaskFileParser parser = new TaskFileParser();
    @TempDir
    Path dir;

    private TaskSpec parse(String budget) {
        return parser.parse(TaskFileParserTest.COMMAND.replace("{trials: 12, max_tokens: 5000, max_cost_usd: 0.5}",
                budget), dir, false);
    }

    @Test
    void parallel_defaults_to_one_trial_at_a_time() {
        assertThat(parse("{trials: 12}").parallel()).isEqualTo(1);
        assertThat(TaskFileWriter.toJson(parse("{trials: 12}"))).doesNotContain("parallel");
    }

    @Test
    void parallel_is_read_and_survives_the_stored_round_trip_that_resume_uses() {
        TaskSpec t = parse("{trials: 64, parallel: 8}");
        assertThat(t.parallel()).isEqualTo(8);
        TaskSpec back = parser.parse(TaskFileWriter.toJson(t), dir, true);
        assertThat(back.parallel()).isEqualTo(8);
        assertThat(back).isEqualTo(t);
        assertThat(t.toBuilder().build().parallel()).isEqualTo(8);
    }

    @Test
    void a_bad_parallel_names_the_field_the_value_and_what_was_expected() {
        for (String bad : new String[] {"0", "-2", "2.5", "\"many\"", "true", "5000"}) {
            Throwable e = catchThrowable(() -> parse("{trials: 12, parallel: " + bad + "}"));
            assertThat(e).as(bad).isInstanceOf(ConfigException.class);
            assertThat(e.getMessage()).as(bad).contains("budget.parallel");
            assertThat(((ConfigException) e).getMessage()).as(bad).containsAnyOf("an integer >= 1", "at most 1024");
        }
    }
}
