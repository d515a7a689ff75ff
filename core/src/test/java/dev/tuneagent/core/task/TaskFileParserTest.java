package dev.tuneagent.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.space.CategoricalParam;
import dev.tuneagent.core.space.IntParam;
import dev.tuneagent.core.study.Direction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskFileParserTest {
    static final String RF_WINE = """
            name: rf-wine
            objective: {metric: accuracy, direction: maximize}
            job: {type: inprocess, dataset: wine, model: random-forest, folds: 5}
            space:
              trees: {type: int, low: 10, high: 300, log: true}
              max_depth: {type: int, low: 1, high: 20}
              criterion: {type: categorical, choices: [gini, entropy]}
            budget: {trials: 30}
            proposer: sobol
            seed: 0
            """;
    static final String COMMAND = """
            name: quad
            objective: {metric: loss, direction: minimize}
            job: {type: command, argv: [python3, train.py, "{params}"], timeout: 60s, metric: value}
            space:
              x: {type: float, low: -5, high: 5}
            budget: {trials: 12, max_tokens: 5000, max_cost_usd: 0.5}
            """;

    private final TaskFileParser parser = new TaskFileParser();
    @TempDir
    Path dir;

    private TaskSpec parse(String yaml) {
        return parser.parse(yaml, dir, false);
    }

    private String error(String yaml) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> parse(yaml));
        assertThat(t).isInstanceOf(ConfigException.class);
        return t.getMessage();
    }

    @Test
    void theIssueExampleParsesIntoATaskSpec() {
        TaskSpec t = parse(RF_WINE);
        assertThat(t.name()).isEqualTo("rf-wine");
        assertThat(t.metric()).isEqualTo("accuracy");
        assertThat(t.direction()).isEqualTo(Direction.MAXIMIZE);
        assertThat(t.job()).isEqualTo(new InProcessJobSpec("wine", "random-forest", 5, null));
        assertThat(t.space().params()).containsExactly(new IntParam("trees", 10, 300, true),
                new IntParam("max_depth", 1, 20, false),
                new CategoricalParam("criterion", java.util.List.of("gini", "entropy")));
        assertThat(t.trials()).isEqualTo(30);
        assertThat(t.proposer()).isEqualTo("sobol");
        assertThat(t.seed()).isZero();
        assertThat(t.llm()).isEqualTo(LlmSpec.empty());
        assertThat(t.baseDir()).isEqualTo(dir.toAbsolutePath().normalize());
    }

    @Test
    void defaultsFillTheOptionalFields() {
        TaskSpec t = parse(COMMAND);
        assertThat(t.proposer()).isEqualTo("gp");
        assertThat(t.seed()).isZero();
        assertThat(t.maxTokens()).isEqualTo(5000L);
        assertThat(t.maxCostUsd()).isEqualTo(0.5);
        CommandJobSpec job = (CommandJobSpec) t.job();
        assertThat(job.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(job.metric()).isEqualTo("value");
        assertThat(job.workdir()).isNull();
    }

    @Test
    void jsonTaskFilesAreAcceptedToo() {
        TaskSpec t = parser.parse("""
                {"name": "j", "objective": {"metric": "m", "direction": "min"},
                 "job": {"type": "inprocess", "dataset": "iris", "model": "knn"}, "budget": {"trials": 3}}
                """, dir, true);
        assertThat(t.direction()).isEqualTo(Direction.MINIMIZE);
        assertThat(t.space()).as("omitted space means the model's default").isNull();
        assertThat(((InProcessJobSpec) t.job()).folds()).isEqualTo(TaskFileParser.DEFAULT_FOLDS);
    }

    @Test
    void durationsAcceptUnitsAndPlainSeconds() {
        for (String[] c : new String[][] {{"500ms", "PT0.5S"}, {"90s", "PT1M30S"}, {"5m", "PT5M"}, {"2h", "PT2H"},
                {"1.5m", "PT1M30S"}, {"30", "PT30S"}}) {
            TaskSpec t = parse(COMMAND.replace("timeout: 60s", "timeout: " + c[0]));
            assertThat(((CommandJobSpec) t.job()).timeout()).as(c[0]).isEqualTo(Duration.parse(c[1]));
        }
    }

    @Test
    void relativePathsResolveAgainstTheTaskFilesDirectory() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("tasks"));
        Files.writeString(sub.resolve("train.py"), "print('{}')");
        Files.writeString(sub.resolve("churn.csv"), "a,b\n1,2\n");
        Path task = sub.resolve("t.yaml");
        Files.writeString(task, COMMAND.replace("metric: value}", "metric: value, workdir: runs}"));
        CommandJobSpec job = (CommandJobSpec) parser.parse(task).job();
        assertThat(job.argv()).containsExactly("python3", sub.resolve("train.py").toString(), "{params}");
        assertThat(job.workdir()).isEqualTo(sub.resolve("runs"));

        Files.writeString(task, RF_WINE.replace("dataset: wine", "dataset: churn.csv, target: churned"));
        InProcessJobSpec in = (InProcessJobSpec) parser.parse(task).job();
        assertThat(in.dataset()).isEqualTo(sub.resolve("churn.csv").toString());
        assertThat(in.target()).isEqualTo("churned");
    }

    @Test
    void theWrittenFormReadsBackToTheSameTask() {
        TaskSpec t = parse(COMMAND.replace("budget:", """
                llm: {model: "openai:gpt-4o-mini", temperature: 0.7, context: partial, timeout: 30s}
                description: a bowl
                budget:"""));
        TaskSpec back = parser.parse(TaskFileWriter.toJson(t), dir, true);
        assertThat(back).isEqualTo(t);
        TaskSpec wine = parse(RF_WINE);
        assertThat(parser.parse(TaskFileWriter.toJson(wine), dir, true)).isEqualTo(wine);
    }

    @Test
    void unknownKeysAreRejectedAtEveryLevel() {
        assertThat(error(RF_WINE + "colour: red\n")).startsWith("colour: unknown key").contains("allowed here");
        assertThat(error(RF_WINE.replace("direction: maximize", "direction: maximize, goal: 1")))
                .startsWith("objective.goal: unknown key");
        assertThat(error(RF_WINE.replace("folds: 5", "folds: 5, gpu: true"))).startsWith("job.gpu: unknown key")
                .contains("dataset", "model", "folds", "target");
        assertThat(error(RF_WINE.replace("trials: 30", "trials: 30, hours: 2"))).startsWith("budget.hours: unknown key");
        assertThat(error(RF_WINE.replace("high: 20}", "high: 20, step: 2}"))).startsWith("space.max_depth.step: unknown key");
        assertThat(error(RF_WINE + "llm: {model: \"openai:x\", colour: 1}\n")).startsWith("llm.colour: unknown key");
        assertThat(error(COMMAND.replace("metric: value}", "metric: value, shell: true}")))
                .startsWith("job.shell: unknown key");
    }

    @Test
    void wrongTypesNameThePathTheValueAndWhatWasExpected() {
        assertThat(error(RF_WINE.replace("trials: 30", "trials: many")))
                .isEqualTo("budget.trials: got \"many\", expected an integer >= 1");
        assertThat(error(RF_WINE.replace("trials: 30", "trials: 0"))).isEqualTo("budget.trials: got 0, expected an integer >= 1");
        assertThat(error(RF_WINE.replace("folds: 5", "folds: five"))).isEqualTo("job.folds: got \"five\", expected an integer >= 2");
        assertThat(error(RF_WINE.replace("seed: 0", "seed: 1.5"))).isEqualTo("seed: got 1.5, expected an integer >= 0");
        assertThat(error(RF_WINE.replace("low: 10, high: 300", "low: ten, high: 300")))
                .isEqualTo("space.trees.low: got \"ten\", expected an integer");
        assertThat(error(RF_WINE.replace("name: rf-wine", "name: [a]"))).startsWith("name: got [\"a\"], expected a non-empty string");
        assertThat(error(RF_WINE.replace("direction: maximize", "direction: up")))
                .isEqualTo("objective.direction: got \"up\", expected minimize or maximize");
        assertThat(error(RF_WINE.replace("type: inprocess", "type: pbs"))).isEqualTo("job.type: got \"pbs\", expected inprocess, command or slurm");
        assertThat(error(COMMAND.replace("timeout: 60s", "timeout: soon")))
                .isEqualTo("job.timeout: got \"soon\", expected a positive duration such as 90s, 5m, 2h or 500ms");
        assertThat(error(COMMAND.replace("[python3, train.py, \"{params}\"]", "\"python3 train.py\"")))
                .isEqualTo("job.argv: got \"python3 train.py\", expected a non-empty list of strings such as [python3, train.py, \"{params}\"]");
        assertThat(error(COMMAND.replace("\"{params}\"]", "{a: 1}]"))).startsWith("job.argv[2]: got {\"a\":1}, expected a non-empty string");
        assertThat(error(COMMAND.replace("max_cost_usd: 0.5", "max_cost_usd: -1"))).isEqualTo("budget.max_cost_usd: got -1, expected a number > 0");
        assertThat(error(RF_WINE + "llm: {context: everything}\n")).isEqualTo("llm.context: got \"everything\", expected one of [none, partial, full]");
        assertThat(error(RF_WINE + "llm: {model: gpt4}\n")).startsWith("llm.model: got \"gpt4\", expected provider:name");
        assertThat(error(RF_WINE + "llm: {cassette: tape}\n")).isEqualTo("llm.cassette: got \"tape\", expected off, record:DIR or replay:DIR");
        assertThat(error(RF_WINE.replace("name: rf-wine", "name: \"my study!\"")))
                .startsWith("name: got \"my study!\", expected ASCII letters, digits");
    }

    @Test
    void badBoundsAndEmptySpacesAreRejected() {
        assertThat(error(RF_WINE.replace("low: 10, high: 300", "low: 300, high: 10")))
                .isEqualTo("space.trees: low (300) must be below high (10)");
        assertThat(error(RF_WINE.replace("low: 10, high: 300", "low: 10, high: 10")))
                .isEqualTo("space.trees: low (10) must be below high (10)");
        assertThat(error(RF_WINE.replace("low: 10, high: 300", "low: 0, high: 300")))
                .isEqualTo("space.trees.low: got 0, expected a value > 0 because log: true");
        String empty = RF_WINE.replaceAll("(?s)space:.*budget", "space: {}\nbudget");
        assertThat(error(empty)).isEqualTo("space: the search space is empty; declare at least one parameter");
        assertThat(error(RF_WINE.replace("choices: [gini, entropy]", "choices: []")))
                .startsWith("space.criterion.choices: got [], expected a non-empty list");
        assertThat(error(RF_WINE.replace("type: categorical", "type: text"))).startsWith("space.criterion.type: got \"text\"");
    }

    @Test
    void missingRequiredFieldsSayWhatIsMissing() {
        assertThat(error(RF_WINE.replace("name: rf-wine\n", ""))).isEqualTo("name: missing; expected a non-empty string");
        assertThat(error(RF_WINE.replace("objective: {metric: accuracy, direction: maximize}\n", "")))
                .startsWith("objective: missing; expected a mapping");
        assertThat(error(RF_WINE.replace("metric: accuracy, ", ""))).isEqualTo("objective.metric: missing; expected a non-empty string");
        assertThat(error(RF_WINE.replace(", direction: maximize", ""))).isEqualTo("objective.direction: missing; expected minimize or maximize");
        assertThat(error(RF_WINE.replace("budget: {trials: 30}\n", ""))).startsWith("budget: missing");
        assertThat(error(RF_WINE.replace("budget: {trials: 30}", "budget: {}"))).isEqualTo("budget.trials: missing; expected an integer >= 1");
        assertThat(error(RF_WINE.replace("dataset: wine, ", ""))).isEqualTo("job.dataset: missing; expected a non-empty string");
        assertThat(error(RF_WINE.replace(" model: random-forest,", ""))).isEqualTo("job.model: missing; expected a non-empty string");
        assertThat(error(RF_WINE.replaceAll("job: .*\n", ""))).startsWith("job: missing");
        assertThat(error(COMMAND.replace("argv: [python3, train.py, \"{params}\"], ", ""))).startsWith("job.argv: missing");
        assertThat(error(COMMAND.replace("space:\n  x: {type: float, low: -5, high: 5}\n", "")))
                .startsWith("space: missing; a command job has no default search space");
    }

    @Test
    void syntaxErrorsReportLineAndColumn() {
        assertThat(error("name: a\nobjective: {metric: m\njob: x\n")).startsWith("the task file is not valid YAML at line ")
                .containsPattern("line \\d+, column \\d+");
        assertThat(error(RF_WINE + "seed: 1\n")).contains("not valid YAML").contains("duplicate key \"seed\"");
        assertThat(catchJson("{\"name\": }")).startsWith("the task file is not valid JSON at line 1, column 10");
        assertThat(error("")).startsWith("the task file is empty");
        assertThat(error("- a\n- b\n")).startsWith("got [\"a\",\"b\"], expected a mapping with keys [name, objective");
    }

    @Test
    void apiKeysInATaskFileAreRefusedWithoutEchoingThem() {
        String msg = error(RF_WINE + "llm: {api_key: sk-secret-123}\n");
        assertThat(msg).startsWith("llm.api_key: API keys do not belong in a task file").doesNotContain("sk-secret");
    }

    @Test
    void aMissingFileIsAClearError() {
        assertThatThrownBy(() -> parser.parse(dir.resolve("nope.yaml"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("nope.yaml does not exist");
    }

    private String catchJson(String text) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> parser.parse(text, dir, true));
        assertThat(t).isInstanceOf(ConfigException.class);
        return t.getMessage();
    }
}
