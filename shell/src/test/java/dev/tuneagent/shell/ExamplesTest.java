package dev.tuneagent.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.task.CommandJobSpec;
import dev.tuneagent.core.task.InProcessJobSpec;
import dev.tuneagent.core.task.TaskFileParser;
import dev.tuneagent.core.task.TaskSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shipped examples stay valid task files. */
class ExamplesTest {
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
    private final TaskFileParser parser = new TaskFileParser();

    @Test
    void everyExampleParses() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("rf-wine.yaml", "command-quadratic.yaml", "csv-churn.yaml");
        for (Path f : files) {
            assertThat(parser.parse(f).name()).as(f.toString()).isNotBlank();
        }
    }

    @Test
    void everyInProcessExampleNamesAModelDataSetAndSpaceThatExist() throws Exception {
        var loader = new dev.tuneagent.agent.task.TaskLoader(dev.tuneagent.agent.proposers.ProposerFactory.classical(),
                new dev.tuneagent.agent.task.ToolsJobCatalog(new dev.tuneagent.tools.inprocess.InProcessCatalog(
                        new dev.tuneagent.tools.data.Datasets())));
        for (String name : List.of("rf-wine.yaml", "csv-churn.yaml", "command-quadratic.yaml")) {
            assertThat(loader.load(EXAMPLES.resolve(name)).space()).as(name).isNotNull();
        }
    }

    @Test
    void relativePathsInExamplesPointAtFilesNextToThem() {
        CommandJobSpec cmd = (CommandJobSpec) parser.parse(EXAMPLES.resolve("command-quadratic.yaml")).job();
        assertThat(cmd.argv()).containsExactly("python3", EXAMPLES.resolve("train.py").toString(), "{params}");
        TaskSpec churn = parser.parse(EXAMPLES.resolve("csv-churn.yaml"));
        assertThat(Path.of(((InProcessJobSpec) churn.job()).dataset())).isRegularFile()
                .isEqualTo(EXAMPLES.resolve("data/churn.csv"));
    }
}
