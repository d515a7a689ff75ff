package dev.tuneagent.shell;

import static dev.tuneagent.shell.fixtures.Cli.tune;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tuneagent.core.space.CategoricalParam;
import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.store.sqlite.SqliteStudyStore;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.shell.fixtures.Cli.Result;
import dev.tuneagent.shell.fixtures.Tasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tune enqueue} and the task file's {@code enqueue:} list, as users see them. */
class EnqueueCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    private static void assertOneLineError(Result r, int code, String message) {
        assertThat(r.code()).as(r.err()).isEqualTo(code);
        assertThat(r.err()).isEqualTo("tune: " + message + "\n");
    }

    @Test
    void aConfigurationIsQueuedPrintedAndShownAsWaitingUntilTheStudyRuns() throws Exception {
        Path db = dir.resolve("s.db");
        String storage = "sqlite:" + db;
        try (SqliteStudyStore store = new SqliteStudyStore(db)) {
            store.createStudy(new StudyDefinition("svm", SearchSpace.of(new FloatParam("c", 1e-3, 1e3, true),
                    new CategoricalParam("kernel", List.of("rbf", "linear"))), Direction.MAXIMIZE, "accuracy", 1, 2,
                    "{}", Instant.parse("2026-01-01T00:00:00Z")));
        }
        Result text = tune("enqueue", "svm", "--params", "{\"c\": 1, \"kernel\": \"rbf\"}", "--storage", storage);
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).startsWith("Enqueued trial #0 of study svm (WAITING): c=1.0 kernel=rbf\n");

        JsonNode json = JSON.readTree(tune("enqueue", "svm", "--params", "{\"kernel\": \"linear\", \"c\": 0.5}",
                "--storage", storage, "--json").out());
        assertThat(json).isEqualTo(JSON.readTree("{\"number\":1,\"state\":\"WAITING\",\"params\":{\"c\":0.5,\"kernel\":\"linear\"}}"));

        assertThat(tune("history", "svm", "--storage", storage).out()).containsPattern("1\\s+WAITING\\s+-\\s+c=0.5 kernel=linear\\s+-\\s+enqueue");
        assertThat(tune("status", "svm", "--storage", storage).out()).contains("Trials:    2 waiting",
                "Queued:    2 waiting (#0 enqueued, #1 enqueued); they run first when the study runs");
        JsonNode history = JSON.readTree(tune("history", "svm", "--storage", storage, "--json").out());
        assertThat(history.get(0).get("attrs")).isEqualTo(JSON.readTree("{\"source\":\"enqueue\"}"));
        assertThat(history.get(0).get("started_at").isNull()).isTrue();

        assertOneLineError(tune("enqueue", "svm", "--params", "{\"c\": 2, \"kernel\": \"rbf\"}", "--storage", storage),
                ExitCodes.USAGE, "study \"svm\" has no room left: its budget of 2 trials is taken by 2 trials (0 finished, "
                        + "0 running, 2 waiting); start a new study with a larger budget.trials to evaluate more configurations");
    }

    @Test
    void badParamsAreOneLineErrorsNamingTheParameterAndNothingIsStored() throws Exception {
        Path db = dir.resolve("s.db");
        String storage = "sqlite:" + db;
        Path task = Tasks.quadratic(dir, "quad", 1);
        assertThat(tune("run", task.toString(), "--storage", storage).code()).isZero();
        assertOneLineError(tune("enqueue", "quad", "--params", "{\"x\": 9, \"y\": 0}", "--storage", storage),
                ExitCodes.USAGE, "--params.x: got 9, expected float [-5.0, 5.0]");
        assertOneLineError(tune("enqueue", "quad", "--params", "{\"x\": 1}", "--storage", storage), ExitCodes.USAGE,
                "--params.y: missing; every parameter needs a value (expected float [-5.0, 5.0])");
        assertOneLineError(tune("enqueue", "quad", "--params", "{\"x\": 1, \"y\": 0, \"z\": 1}", "--storage", storage),
                ExitCodes.USAGE, "--params.z: unknown parameter; the space has [x, y]");
        assertOneLineError(tune("enqueue", "quad", "--params", "x=1", "--storage", storage), ExitCodes.USAGE,
                "--params: not valid JSON (Unrecognized token 'x': was expecting (JSON String, Number, Array, Object or "
                        + "token 'null', 'true' or 'false')); expected an object such as '{\"c\": 1.0, \"kernel\": \"rbf\"}'");
        assertOneLineError(tune("enqueue", "quad", "--storage", storage), ExitCodes.USAGE,
                "--params: missing; give every parameter as a JSON object, e.g. --params '{\"c\": 1.0, \"kernel\": \"rbf\"}'");
        Result none = tune("enqueue", "nope", "--params", "{\"x\": 1, \"y\": 0}", "--storage", storage);
        assertThat(none.code()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(tune("history", "quad", "--storage", storage, "--json").out()).doesNotContain("WAITING");
    }

    @Test
    void aTaskFilesEnqueueListRunsFirstAndABadOneCreatesNoStudy() throws Exception {
        String storage = "sqlite:" + dir.resolve("s.db");
        Path task = Tasks.quadratic(dir, "quad", 3);
        Files.writeString(task, Files.readString(task) + "enqueue:\n  - {x: 1.0, y: 0}\n  - {x: -1, y: 2.5}\n");
        Result run = tune("run", task.toString(), "--storage", storage);
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode history = JSON.readTree(tune("history", "quad", "--storage", storage, "--json").out());
        assertThat(history).hasSize(3);
        assertThat(history.get(0).get("params")).isEqualTo(JSON.readTree("{\"x\":1.0,\"y\":0.0}"));
        assertThat(history.get(1).get("params")).isEqualTo(JSON.readTree("{\"x\":-1.0,\"y\":2.5}"));
        assertThat(history.get(1).get("attrs").get("source").asText()).isEqualTo("enqueue");
        assertThat(history.get(2).get("provenance").get("proposer").asText()).isEqualTo("sobol");

        Path bad = Files.writeString(dir.resolve("bad.yaml"), Files.readString(task).replace("name: quad", "name: bad")
                .replace("{x: -1, y: 2.5}", "{x: -1, y: 25}"));
        assertOneLineError(tune("run", bad.toString(), "--storage", storage), ExitCodes.USAGE,
                "enqueue[1].y: got 25, expected float [-5.0, 5.0]");
        assertOneLineError(tune("run", task.toString(), "--name", "small", "--trials", "1", "--storage", storage),
                ExitCodes.USAGE, "enqueue: 2 configurations do not fit in a budget of 1 trials; raise budget.trials (or "
                        + "--trials) or enqueue fewer");
        assertThat(tune("studies", "--storage", storage).out()).doesNotContain("bad", "small");
    }
}
