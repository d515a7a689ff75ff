package dev.tuneagent.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.agent.proposers.ProposerFactory;
import dev.tuneagent.agent.task.TaskLoader;
import dev.tuneagent.agent.task.ToolsJobCatalog;
import dev.tuneagent.core.task.TaskSpec;
import dev.tuneagent.tools.data.Datasets;
import dev.tuneagent.tools.inprocess.InProcessCatalog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 2's random-forest example, verbatim, is accepted by the real loader and catalog and runs. */
class IssueTwoExampleTest {
    private static final String ISSUE_EXAMPLE = """
            job: {type: inprocess, dataset: wine, model: random-forest, folds: 5}
            space:
              trees: {type: int, low: 10, high: 300, log: true}
              max_depth: {type: int, low: 1, high: 20}
              criterion: {type: categorical, choices: [gini, entropy]}
            """;

    @TempDir
    Path dir;

    @Test
    void theIssuesRandomForestExampleLoadsAndRunsTwoTrials() throws Exception {
        Path task = dir.resolve("issue2.yaml");
        Files.writeString(task, "name: issue2\nobjective: {metric: accuracy, direction: maximize}\nbudget: {trials: 2}\nseed: 3\n" + ISSUE_EXAMPLE);
        TaskLoader loader = new TaskLoader(ProposerFactory.classical(),
                new ToolsJobCatalog(new InProcessCatalog(new Datasets())));
        TaskSpec spec = loader.load(task);
        assertThat(spec.space().params()).extracting(dev.tuneagent.core.space.Param::name)
                .containsExactlyInAnyOrder("trees", "max_depth", "criterion");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = TuneApplication.run(new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), new String[] {"run", task.toString(),
                    "--storage", "sqlite:" + dir.resolve("s.db"), "--proposer", "random"});
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed.lines().filter(l -> l.startsWith("[") && l.contains(" COMPLETE accuracy=")))
                .as(printed).hasSize(2);
        assertThat(printed).contains("Best: accuracy = ", "criterion = ");
    }
}
