package dev.tuneagent.evals.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tuneagent.agent.proposers.ProposerFactory;
import dev.tuneagent.agent.task.TaskLoader;
import dev.tuneagent.agent.task.ToolsJobCatalog;
import dev.tuneagent.tools.data.BundledDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlAndFileSuitesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    private static List<JsonNode> lines(Path out) throws Exception {
        List<JsonNode> l = new ArrayList<>();
        for (String s : Files.readAllLines(out.resolve("results.jsonl"))) {
            l.add(JSON.readTree(s));
        }
        return l;
    }

    @Test
    void theMlSuiteIsEveryBundledDataSetTimesEveryModelOfItsKind() {
        List<EvalTask> tasks = Suites.ml(Evals.CATALOG);
        List<String> names = tasks.stream().map(EvalTask::name).toList();
        assertThat(names).contains("knn-wine", "xgboost-diabetes", "random-forest-iris", "linear-diabetes")
                .doesNotContain("logistic-diabetes", "linear-wine", "adaboost-diabetes");
        for (BundledDataset d : BundledDataset.ALL) {
            long models = Evals.CATALOG.models().stream().filter(m -> m.supports(d.kind())).count();
            assertThat(names.stream().filter(n -> n.endsWith("-" + d.name()))).hasSize((int) models);
        }
        assertThat(tasks.stream().filter(t -> t.name().equals("knn-diabetes")).findFirst().orElseThrow().metric())
                .isEqualTo("rmse");
    }

    @Test
    void theDefaultBaselineEvaluatesTheCatalogsFallbackOnceOnTheSameFoldsAsEveryProposerOfTheSeed() throws Exception {
        Path out = dir.resolve("e");
        Evals.run("--suite", "ml", "--tasks", "knn-iris", "--proposers", "default,random", "--seeds", "2",
                "--trials", "3", "--out", out.toString(), "--store", "memory");
        List<JsonNode> lines = lines(out);
        JsonNode d0 = lines.stream().filter(n -> n.get("proposer").asText().equals("default") && n.get("seed").asInt() == 0)
                .findFirst().orElseThrow();
        assertThat(d0.get("status").asText()).isEqualTo("ok");
        assertThat(d0.get("curve")).hasSize(3);
        assertThat(d0.get("curve").get(0)).isEqualTo(d0.get("curve").get(2)); // evaluated once, flat
        assertThat(d0.get("metric").asText()).isEqualTo("accuracy");
        // the same configuration on the same seed's folds gives the same accuracy: rerun the cell alone
        Path again = dir.resolve("again");
        Evals.run("--suite", "ml", "--tasks", "knn-iris", "--proposers", "default", "--seeds", "1", "--trials", "3",
                "--out", again.toString(), "--store", "memory");
        assertThat(lines(again).get(0).get("best")).isEqualTo(d0.get("best"));
        assertThat(Files.readString(out.resolve("summary.md"))).contains("Normalized score");
    }

    @Test
    void aSuiteFileRunsItsTaskFilesAndATaskWithoutDefaultsSkipsTheDefaultCellWithTheReason() throws Exception {
        Files.writeString(dir.resolve("with.yaml"), """
                name: knn-with-defaults
                objective: {metric: accuracy, direction: maximize}
                job: {type: inprocess, dataset: iris, model: knn, folds: 3}
                space:
                  k: {type: int, low: 1, high: 30}
                budget: {trials: 10}
                defaults: {k: 5}
                """);
        Files.writeString(dir.resolve("without.yaml"), """
                name: quad
                objective: {metric: value, direction: minimize}
                job: {type: command, argv: [python3, quad.py, "{params}"], timeout: 60s}
                space:
                  x: {type: float, low: -5, high: 5}
                budget: {trials: 10}
                """);
        Files.writeString(dir.resolve("suite.yaml"), "tasks: [with.yaml, without.yaml]\n");
        Path out = dir.resolve("e");
        Evals e = Evals.run("--suite", dir.resolve("suite.yaml").toString(), "--tasks", "knn-with-defaults,quad",
                "--proposers", "default", "--seeds", "1", "--trials", "2", "--out", out.toString(), "--store", "memory");
        List<JsonNode> lines = lines(out);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("status").asText()).isEqualTo("ok");
        assertThat(lines.get(1).get("status").asText()).isEqualTo("skipped");
        assertThat(lines.get(1).get("reason").asText()).contains("without.yaml has no defaults: mapping");
        assertThat(e.failed).isZero();
    }

    @Test
    void aCellThatCannotBeSetUpIsAFailedLineNotAnAbortedEval() throws Exception {
        Path file = dir.resolve("gone.yaml");
        Files.writeString(file, """
                name: gone
                objective: {metric: accuracy, direction: maximize}
                job: {type: inprocess, dataset: iris, model: knn, folds: 3}
                budget: {trials: 10}
                """);
        var loader = new TaskLoader(ProposerFactory.classical(), new ToolsJobCatalog(Evals.CATALOG));
        FileTask task = new FileTask(file, loader.load(file), Evals.CATALOG);
        Files.delete(file); // its defaults: can no longer be read
        CellResult r = new CellRunner(dir, false, 3, null, java.time.Clock.systemUTC()).run(task, "random", 0, false);
        assertThat(r.status()).isEqualTo(CellResult.FAILED);
        assertThat(r.reason()).startsWith("cannot set up the cell: ").contains("gone.yaml");
    }

    @Test
    void aSuiteFileWithoutTasksIsAConfigError() throws Exception {
        Files.writeString(dir.resolve("suite.yaml"), "tasks: []\n");
        var loader = new TaskLoader(ProposerFactory.classical(), new ToolsJobCatalog(Evals.CATALOG));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Suites.load(dir.resolve("suite.yaml").toString(),
                List.of(), Evals.CATALOG, loader)).hasMessageStartingWith("tasks");
    }

    @Test
    void thePrunerIsADimensionOfTheCellsAndEachCellCountsTheResourceItUsed() throws Exception {
        Path out = dir.resolve("p");
        Evals.run("--suite", "ml", "--tasks", "knn-wine", "--proposers", "default,random", "--pruner", "none,asha",
                "--seeds", "1", "--trials", "12", "--out", out.toString(), "--store", "memory");
        List<JsonNode> lines = lines(out);
        assertThat(lines).extracting(n -> n.get("proposer").asText())
                .containsExactlyInAnyOrder("default", "random", "random+asha");
        JsonNode plain = lines.stream().filter(n -> n.get("proposer").asText().equals("random")).findFirst().orElseThrow();
        JsonNode asha = lines.stream().filter(n -> n.get("proposer").asText().equals("random+asha")).findFirst()
                .orElseThrow();
        assertThat(plain.get("pruner").asText()).isEqualTo("none");
        assertThat(asha.get("status").asText()).as(asha.toString()).isEqualTo("ok");
        assertThat(asha.get("pruner").asText()).isEqualTo("asha");
        // 12 trials of 5 folds each without pruning; ASHA (rungs at folds 1 and 3) stops some trials early
        assertThat(plain.get("resource").asLong()).isEqualTo(60);
        assertThat(asha.get("resource").asLong()).isLessThan(60).isGreaterThanOrEqualTo(12);
        assertThat(Files.readString(out.resolve("summary.md"))).contains("resource/cell").contains("random+asha");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Evals.run("--suite", "ml", "--tasks", "knn-wine", "--proposers", "random",
                "--pruner", "hyperband", "--out", dir.resolve("bad").toString()))
                .isInstanceOf(dev.tuneagent.core.config.ConfigException.class).hasMessageContaining("--pruner");
    }
}
