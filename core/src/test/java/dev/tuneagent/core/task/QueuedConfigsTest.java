package dev.tuneagent.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tuneagent.core.config.ConfigException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The task file's {@code enqueue:} list: structure, validation against the space, the stored form. */
class QueuedConfigsTest {
    private final TaskFileParser parser = new TaskFileParser();
    @TempDir
    Path dir;

    private TaskSpec parse(String enqueue) {
        return parser.parse(TaskFileParserTest.RF_WINE + enqueue, dir, false);
    }

    private String error(String enqueue) {
        Throwable t = catchThrowable(() -> parse(enqueue));
        assertThat(t).isInstanceOf(ConfigException.class);
        return t.getMessage();
    }

    @Test
    void anEnqueueListIsReadInOrderAndSurvivesTheStoredForm() {
        TaskSpec t = parse("""
                enqueue:
                  - {trees: 100, max_depth: 6, criterion: gini}
                  - trees: 10
                    max_depth: 1
                    criterion: entropy
                """);
        assertThat(t.enqueue()).containsExactly(Map.of("trees", 100, "max_depth", 6, "criterion", "gini"),
                Map.of("trees", 10, "max_depth", 1, "criterion", "entropy"));
        TaskSpec back = parser.parse(TaskFileWriter.toJson(t), dir, true);
        assertThat(back).isEqualTo(t);
        assertThat(parse("")).extracting(TaskSpec::enqueue).isEqualTo(List.of());
        assertThat(TaskFileWriter.toJson(parse(""))).doesNotContain("enqueue");
    }

    @Test
    void everyConfigurationIsCheckedAgainstTheSpaceWithItsPathInTheError() {
        assertThat(error("enqueue:\n  - {trees: 100, max_depth: 6, criterion: gini}\n  - {trees: 9, max_depth: 6, criterion: gini}\n"))
                .isEqualTo("enqueue[1].trees: got 9, expected int [10, 300] log");
        assertThat(error("enqueue: [{trees: 100, max_depth: 6}]"))
                .startsWith("enqueue[0].criterion: missing; every parameter needs a value")
                .contains("categorical [gini, entropy]");
        assertThat(error("enqueue: [{trees: 100, max_depth: 6, criterion: gini, lr: 0.1}]"))
                .isEqualTo("enqueue[0].lr: unknown parameter; the space has [trees, max_depth, criterion]");
        assertThat(error("enqueue: [{trees: 100, max_depth: 6, criterion: log_loss}]"))
                .isEqualTo("enqueue[0].criterion: got \"log_loss\", expected categorical [gini, entropy]");
        assertThat(error("enqueue: [{trees: 100, max_depth: 2.5, criterion: gini}]"))
                .startsWith("enqueue[0].max_depth: got 2.5");
    }

    @Test
    void theStructureMustBeAListOfMappingsOfScalars() {
        assertThat(error("enqueue: {trees: 100}")).startsWith("enqueue: got {\"trees\":100}, expected a list of mappings");
        assertThat(error("enqueue: [100]")).startsWith("enqueue[0]: got 100, expected a mapping from parameter name");
        assertThat(error("enqueue: [{}]")).startsWith("enqueue[0]: got {}, expected a mapping");
        assertThat(error("enqueue: [{trees: [1, 2], max_depth: 6, criterion: gini}]"))
                .isEqualTo("enqueue[0].trees: got [1,2], expected a number, string or boolean");
        assertThat(error("enqueue: [{trees: null, max_depth: 6, criterion: gini}]"))
                .isEqualTo("enqueue[0].trees: got nothing, expected a number, string or boolean");
    }

    @Test
    void withoutADeclaredSpaceTheParserLeavesTheCheckToTheLoaderThatKnowsTheDefaultSpace() {
        String noSpace = """
                name: k
                objective: {metric: accuracy, direction: maximize}
                job: {type: inprocess, dataset: iris, model: knn}
                budget: {trials: 3}
                enqueue: [{k: 999}]
                """;
        assertThat(parser.parse(noSpace, dir, false).enqueue()).containsExactly(Map.of("k", 999));
    }
}
