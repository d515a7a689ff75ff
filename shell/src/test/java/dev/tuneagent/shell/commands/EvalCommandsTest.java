package dev.tuneagent.shell.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.shell.Console;
import dev.tuneagent.shell.ExitCodes;
import dev.tuneagent.shell.TuneApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void tuneEvalRunsTheCellsAndPrintsTheSummary(@TempDir Path dir) {
        int code = TuneApplication.run(console, "eval", "--suite", "synthetic", "--tasks", "branin", "--proposers",
                "random,sobol", "--seeds", "2", "--trials", "5", "--out", dir.toString(), "--store", "memory");
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("# Evaluation summary").contains("### Mean rank")
                .contains("| random vs sobol |");
        assertThat(dir.resolve("results.jsonl")).exists();
    }

    @Test
    void anUnknownProposerIsAUsageErrorNamingTheOption(@TempDir Path dir) {
        int code = TuneApplication.run(console, "eval", "--suite", "synthetic", "--proposers", "tpe", "--out",
                dir.toString());
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--proposers").contains("\"tpe\"");
    }

    @Test
    void failedCellsGiveTheirOwnExitCodeAfterTheOtherCellsRan(@TempDir Path dir) throws Exception {
        Path rec = dir.resolve("rec");
        Files.createDirectories(rec);
        Files.writeString(rec.resolve("recording.json"), "{\"model\": \"openai:stand-in\", \"base_url\": "
                + "\"http://127.0.0.1:9/v1\", \"recorded_with\": \"nothing recorded\"}");
        int code = TuneApplication.run(console, "eval", "--suite", "synthetic", "--tasks", "branin", "--proposers",
                "random,hybrid", "--seeds", "1", "--trials", "3", "--out", dir.resolve("e").toString(), "--llm",
                "replay:" + rec, "--store", "memory");
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCodes.CELLS_FAILED);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 cell(s) failed").contains("| random |");
    }
}
