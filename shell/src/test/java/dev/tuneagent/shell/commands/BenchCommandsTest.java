package dev.tuneagent.shell.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.shell.Console;
import dev.tuneagent.shell.TuneApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void tuneBenchPrintsTheRegretTableAndWritesTheResults(@TempDir Path dir) {
        int code = TuneApplication.run(console, "bench", "--proposers", "random,sobol", "--functions", "branin",
                "--seeds", "2", "--trials", "10", "--out", dir.toString());
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed).contains("| function | sampler | @10 | @25 | @50 | @100 | ms/trial |")
                .containsPattern("\\| branin \\| tune-random \\| -?\\d+\\.\\d\\d \\[")
                .containsPattern("\\| branin \\| tune-sobol \\| -?\\d+\\.\\d\\d \\[");
        assertThat(Files.exists(dir.resolve("branin-tune-sobol.jsonl"))).isTrue();
    }

    @Test
    void anUnknownFunctionIsAUsageErrorNamingTheOption() {
        int code = TuneApplication.run(console, "bench", "--functions", "sphere");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--functions").contains("\"sphere\"");
    }
}
