package dev.tuneagent.evals.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuneagent.core.config.ConfigException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchOptionsTest {
    private final ProposerCatalog catalog = ProposerCatalog.standard();

    @Test
    void defaultsAreEveryProposerEveryFunctionTenSeedsAHundredTrialsOneJob() {
        BenchOptions o = BenchOptions.parse(List.of(), catalog);
        assertThat(o.proposers()).isEqualTo(catalog.names());
        assertThat(o.functions()).hasSize(7);
        assertThat(List.of(o.seeds(), o.trials(), o.jobs())).containsExactly(10, 100, 1);
        assertThat(o.overhead()).isFalse();
        assertThat(o.regret()).isTrue();
    }

    @Test
    void optionsAcceptSpaceAndEqualsForms() {
        BenchOptions o = BenchOptions.parse(List.of("--functions=branin,levy6", "--seeds", "3", "--trials=20",
                "--overhead", "--out", "res"), catalog);
        assertThat(o.functions()).extracting(f -> f.name()).containsExactly("branin", "levy6");
        assertThat(o.seeds()).isEqualTo(3);
        assertThat(o.trials()).isEqualTo(20);
        assertThat(o.overhead()).isTrue();
        assertThat(o.out()).isEqualTo(Path.of("res"));
    }

    @Test
    void badValuesNameTheOptionTheValueAndWhatWasExpected() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--seeds", "ten"), catalog))
                .isInstanceOf(ConfigException.class).hasMessage("--seeds: got \"ten\", expected a whole number");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--jobs", "0"), catalog))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--jobs: got 0");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--proposers", "nope"), catalog))
                .isInstanceOf(ConfigException.class).hasMessageContaining("\"nope\"").hasMessageContaining("gp, sobol, random");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--sedes", "3"), catalog))
                .isInstanceOf(ConfigException.class).hasMessageContaining("\"--sedes\"");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--trials"), catalog))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--trials");
    }

    @Test
    void theCommandWritesResultsAndPrintsTheSameTableAsTheRunsGiveInAnyParallelism(@TempDir Path dir) {
        BenchOptions serial = BenchOptions.parse(List.of("--proposers", "random", "--functions", "branin,hartmann3", "--seeds", "3",
                "--trials", "12", "--out", dir.resolve("a").toString()), catalog);
        BenchOptions parallel = BenchOptions.parse(List.of("--proposers", "random", "--functions", "branin,hartmann3", "--seeds", "3",
                "--trials", "12", "--jobs", "2", "--out", dir.resolve("b").toString()), catalog);
        BenchCommand command = new BenchCommand(catalog);
        List<RunResult> a = command.runAll(serial, quiet());
        List<RunResult> b = command.runAll(parallel, quiet());
        assertThat(b).extracting(r -> r.function() + r.seed()).containsExactlyElementsOf(
                a.stream().map(r -> r.function() + r.seed()).toList());
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).regret()).containsExactly(a.get(i).regret());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String report = command.execute(serial, new PrintStream(out, true, StandardCharsets.UTF_8), quiet());
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(report);
        assertThat(report).contains("| branin | tune-random |").contains("| hartmann3 | tune-random |");
        assertThat(ResultsJsonl.read(dir.resolve("a"))).hasSize(6);
        assertThat(dir.resolve("a").resolve("table.md")).exists();
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
