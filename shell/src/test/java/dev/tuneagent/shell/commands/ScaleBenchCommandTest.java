package dev.tuneagent.shell.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.store.bench.WorkerBenchmark;
import dev.tuneagent.shell.Console;
import dev.tuneagent.shell.ExitCodes;
import dev.tuneagent.shell.TuneApplication;
import dev.tuneagent.shell.bench.ScaleBenchOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code bench-scale}'s options and a tiny run; its timings are printed, never asserted. */
class ScaleBenchCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    private static ScaleBenchOptions parse(String storage, String workers, String jobs, String parallel) {
        return ScaleBenchOptions.parse(storage, workers, 200, false, jobs, parallel, 32, 1, null, "random", "sqlite");
    }

    @Test
    void theDefaultsAndListsAreReadAsDocumented() {
        ScaleBenchOptions o = parse("sqlite, postgresql://u:p@db:5432/tune,sqlite", "1,4,8", "local,slurm", "8,1");
        assertThat(o.storages()).containsExactly("sqlite", "postgresql://u:p@db:5432/tune");
        assertThat(o.workers()).containsExactly(1, 4, 8);
        assertThat(o.mode()).isEqualTo(WorkerBenchmark.Mode.PROCESSES);
        assertThat(o.jobs()).containsExactly("local", "slurm");
        assertThat(o.parallel()).containsExactly(8, 1);
        ScaleBenchOptions none = ScaleBenchOptions.parse("none", "2", 5, true, "none", "1", 3, 0, "debug", "gp", "memory");
        assertThat(none.storages()).isEmpty();
        assertThat(none.jobs()).isEmpty();
        assertThat(none.mode()).isEqualTo(WorkerBenchmark.Mode.THREADS);
        assertThat(none.partition()).isEqualTo("debug");
    }

    @Test
    void eachBadValueIsRefusedNamingItsOption() {
        assertThatThrownBy(() -> parse("sqlite", "1,0", "local", "1")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("--workers").hasMessageContaining("\"0\"");
        assertThatThrownBy(() -> parse("sqlite", "four", "local", "1")).hasMessageContaining("--workers")
                .hasMessageContaining("four");
        assertThatThrownBy(() -> parse("sqlite", "1", "local", "")).hasMessageContaining("--parallel");
        assertThatThrownBy(() -> parse("sqlite", "1", "cloud", "1")).hasMessageContaining("--jobs")
                .hasMessageContaining("local, slurm or none");
        assertThatThrownBy(() -> parse("ftp://x", "1", "local", "1")).hasMessageContaining("--storage");
        assertThatThrownBy(() -> ScaleBenchOptions.parse("sqlite", "1", 0, false, "local", "1", 32, 1, null, "random",
                "sqlite")).hasMessageContaining("--trials");
        assertThatThrownBy(() -> ScaleBenchOptions.parse("sqlite", "1", 5, false, "local", "1", 0, 1, null, "random",
                "sqlite")).hasMessageContaining("--study-trials");
        assertThatThrownBy(() -> ScaleBenchOptions.parse("sqlite", "1", 5, false, "local", "1", 3, -1, null, "random",
                "sqlite")).hasMessageContaining("--sleep");
        assertThatThrownBy(() -> ScaleBenchOptions.parse("sqlite", "1", 5, false, "local", "1", 3, 1, null, "llm",
                "sqlite")).hasMessageContaining("--proposer");
        assertThatThrownBy(() -> ScaleBenchOptions.parse("sqlite", "1", 5, false, "local", "1", 3, 1, "a b", "random",
                "sqlite")).hasMessageContaining("--partition");
        assertThatThrownBy(() -> ScaleBenchOptions.parse("sqlite", "1", 5, false, "local", "1", 3, 1, null, "random",
                "postgresql://x/y")).hasMessageContaining("--study-storage");
    }

    @Test
    void aBadOptionIsAUsageErrorWithoutAStackTrace() {
        int code = TuneApplication.run(console, "bench-scale", "--workers", "0");
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--workers").doesNotContain("\tat ");
    }

    @Test
    void aTinyRunPrintsBothTablesWithTheirChecks() {
        int code = TuneApplication.run(console, "bench-scale", "--storage", "memory", "--workers", "1", "--trials", "5",
                "--jobs", "local", "--parallel", "2,1", "--study-trials", "3", "--sleep", "0",
                "--study-storage", "memory");
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed + err.toString(StandardCharsets.UTF_8)).isZero();
        List<String> lines = printed.lines().toList();
        assertThat(lines.get(0)).startsWith("Machine before: ").contains("CPUs, load average");
        assertThat(printed).contains("Workers sharing one study: 5 ask+tell rounds per row", "trials/s", "p95 ms",
                "A study of 3 trials of a 0.00 s objective", "speed-up vs parallel 1");
        assertThat(lines).anyMatch(l -> l.matches("memory:\\s+1 threads\\s+5 .* ok"));
        assertThat(lines).anyMatch(l -> l.matches("local\\s+1\\s+3 .*1\\.00x\\s+ok"));
        assertThat(lines).anyMatch(l -> l.matches("local\\s+2\\s+3 .*x\\s+ok"));
        assertThat(lines.get(lines.size() - 1)).startsWith("Machine after: ");
    }
}
