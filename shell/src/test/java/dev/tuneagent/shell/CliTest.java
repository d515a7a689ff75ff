package dev.tuneagent.shell;

import static dev.tuneagent.shell.fixtures.Cli.assertOneLineError;
import static dev.tuneagent.shell.fixtures.Cli.tune;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tuneagent.shell.fixtures.Cli.Result;
import dev.tuneagent.shell.fixtures.Tasks;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as users see it: output, one-line errors and the documented exit codes. */
class CliTest {
    @TempDir
    Path dir;

    @Test
    void aCommandStudyRunsAndEveryQueryCommandReportsIt() throws Exception {
        // Spaces and quotes in arguments arrive verbatim (no re-joining and re-parsing of the command line).
        Path odd = Files.createDirectories(dir.resolve("my \"quoted\" dir's"));
        String storage = "sqlite:" + odd.resolve("s p.db");
        Result run = tune("run", Tasks.quadratic(odd, "quad", 3).toString(), "--storage", storage, "--proposer", "random");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().lines().filter(l -> l.startsWith("["))).hasSize(3);
        assertThat(run.out()).contains("Best: value = ", "See it again: tune history quad --storage " + storage);

        ObjectMapper json = new ObjectMapper();
        JsonNode best = json.readTree(tune("best", "quad", "--storage", storage, "--json").out());
        assertThat(best.isObject()).isTrue();
        assertThat(best.get("value").isNumber()).isTrue();
        assertThat(best.get("params").has("x")).isTrue();
        assertThat(best.get("number").isInt()).isTrue();

        JsonNode history = json.readTree(tune("history", "quad", "--storage", storage, "--json").out());
        assertThat(history.isArray()).isTrue();
        assertThat(history).hasSize(3);
        for (int i = 0; i < 3; i++) {
            JsonNode t = history.get(i);
            assertThat(t.get("number").asInt()).isEqualTo(i);
            assertThat(t.get("state").asText()).isEqualTo("COMPLETE");
            assertThat(t.get("value").isNumber()).isTrue();
            assertThat(t.get("params").get("y").isNumber()).isTrue();
            assertThat(t.get("provenance").get("proposer").asText()).isEqualTo("random");
        }
        assertThat(best.get("value").asDouble()).isEqualTo(
                java.util.stream.StreamSupport.stream(history.spliterator(), false)
                        .mapToDouble(t -> t.get("value").asDouble()).min().orElseThrow());

        Result table = tune("history", "quad", "--storage", storage);
        assertThat(table.out().lines().findFirst().orElseThrow()).matches("#\\s+STATE\\s+VALUE\\s+PARAMS\\s+TIME\\s+PROPOSER.*");
        assertThat(tune("studies", "--storage", storage).out()).containsPattern("quad\\s+minimize value\\s+3/3\\s+3\\s+0\\s+0");
        assertThat(tune("status", "quad", "--storage", storage).out()).contains("Budget:    3/3 trials finished (done)",
                "Trials:    3 complete", "Proposers: random=3", "LLM usage: 0 input + 0 output tokens, $0.0000");

        assertOneLineError(tune("run", odd.resolve("quad.yaml").toString(), "--storage", storage), ExitCodes.USAGE,
                "a study named \"quad\" already exists", "tune resume quad");
    }

    @Test
    void theDemoRunsWithNoFilesAndKeepsItsStudyWhenAStoreIsGiven() {
        String storage = "sqlite:" + dir.resolve("demo.db");
        Result demo = tune("demo", "--trials", "4", "--storage", storage);
        assertThat(demo.code()).as(demo.err()).isZero();
        assertThat(demo.out().lines().filter(l -> l.startsWith("["))).hasSize(4);
        assertThat(demo.out()).contains("Best: accuracy = ", "See it again: tune history demo --storage " + storage);
        assertThat(tune("studies", "--storage", storage).out()).containsPattern("demo\\s+maximize accuracy\\s+4/4");
    }

    @Test
    void userErrorsAreOneLineOnStderrWithTheDocumentedExitCodes() throws Exception {
        String storage = "sqlite:" + dir.resolve("s.db");
        assertOneLineError(tune("frobnicate"), ExitCodes.USAGE, "unknown command \"frobnicate\"", "demo", "run");
        assertOneLineError(tune("best", "x", "--bogus", "1"), ExitCodes.USAGE, "Unrecognised option '--bogus'");
        assertOneLineError(tune("help", "nosuch"), ExitCodes.USAGE, "help: no command \"nosuch\"", "run", "resume");

        Path bad = Files.writeString(dir.resolve("bad.yaml"), Files.readString(Tasks.quadratic(dir, "b", 3))
                .replace("low: -5, high: 5}", "low: 5, high: -5}"));
        assertOneLineError(tune("run", bad.toString(), "--storage", storage), ExitCodes.USAGE,
                "space.x: low (5) must be below high (-5)");
        assertOneLineError(tune("run", dir.resolve("missing.yaml").toString()), ExitCodes.USAGE, "does not exist");
        Path resnet = Files.writeString(dir.resolve("resnet.yaml"), """
                name: r
                objective: {metric: accuracy, direction: maximize}
                job: {type: inprocess, dataset: iris, model: resnet}
                budget: {trials: 2}
                """);
        assertOneLineError(tune("run", resnet.toString(), "--storage", storage), ExitCodes.USAGE, "job.model",
                "resnet", "random-forest", "knn");
        Files.writeString(resnet, Files.readString(resnet).replace("model: resnet", "model: knn")
                .replace("dataset: iris", "dataset: mnist"));
        assertOneLineError(tune("run", resnet.toString(), "--storage", storage), ExitCodes.USAGE, "job.dataset",
                "mnist", "wine");
        assertOneLineError(tune("run", dir.resolve("b.yaml").toString(), "--trials", "0", "--storage", storage),
                ExitCodes.USAGE, "--trials: got 0");
        assertOneLineError(tune("studies", "--storage", "postgres://x"), ExitCodes.USAGE, "--storage");

        assertOneLineError(tune("status", "nope", "--storage", storage), ExitCodes.NOT_FOUND, "no study named \"nope\"");
        assertOneLineError(tune("resume", "nope", "--storage", storage), ExitCodes.NOT_FOUND, "no study named \"nope\"");

        Path corrupt = Files.write(dir.resolve("corrupt.db"), "this is not a database, just text".repeat(200).getBytes());
        Result r = tune("studies", "--storage", "sqlite:" + corrupt);
        assertOneLineError(r, ExitCodes.STORE, "corrupt.db");
        assertThat(Files.readAllBytes(corrupt)).as("nothing stored is touched").startsWith("this is not".getBytes());
    }
}
