package dev.tuneagent.evals.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tuneagent.core.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsJsonlTest {

    @Test
    void aLineHasExactlyTheAnchorsKeysAndTypes() throws Exception {
        String line = ResultsJsonl.line(new RunResult("branin", "tune-gp", 3, new double[] {2.5, 0.25, 1e-12}, 1.5));
        JsonNode o = new ObjectMapper().readTree(line);
        assertThat(o.fieldNames()).toIterable().containsExactly("function", "sampler", "seed", "regret", "ms_per_trial");
        assertThat(o.get("function").asText()).isEqualTo("branin");
        assertThat(o.get("sampler").asText()).isEqualTo("tune-gp");
        assertThat(o.get("seed").isIntegralNumber()).isTrue();
        assertThat(o.get("seed").asLong()).isEqualTo(3);
        assertThat(o.get("regret").isArray()).isTrue();
        assertThat(o.get("regret").get(2).asDouble()).isEqualTo(1e-12);
        assertThat(o.get("ms_per_trial").asDouble()).isEqualTo(1.5);
        assertThat(line).doesNotContain("\n");
    }

    @Test
    void writtenFilesReadBackToTheSameRuns(@TempDir Path dir) {
        List<RunResult> runs = List.of(
                new RunResult("branin", "tune-a", 0, new double[] {3, 2}, 0.5),
                new RunResult("branin", "tune-a", 1, new double[] {4, 1}, 0.7),
                new RunResult("levy6", "tune-a", 0, new double[] {9}, 0.1));
        List<Path> files = ResultsJsonl.write(dir, runs);
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("branin-tune-a.jsonl", "levy6-tune-a.jsonl");
        List<RunResult> back = ResultsJsonl.read(dir);
        assertThat(back).hasSize(3);
        assertThat(back.get(1).regret()).containsExactly(4, 1);
        assertThat(back.get(1).seed()).isEqualTo(1);
    }

    @Test
    void writingAgainReplacesTheFileInsteadOfAppendingDuplicateSeeds(@TempDir Path dir) {
        List<RunResult> runs = List.of(new RunResult("branin", "tune-a", 0, new double[] {3}, 0.5));
        ResultsJsonl.write(dir, runs);
        ResultsJsonl.write(dir, runs);
        assertThat(ResultsJsonl.read(dir)).hasSize(1);
    }

    @Test
    void aLineWithoutRegretIsRejectedNamingFileAndLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.jsonl");
        Files.writeString(f, "{\"function\":\"branin\",\"sampler\":\"tpe\",\"seed\":0,\"ms_per_trial\":1}\n");
        assertThatThrownBy(() -> ResultsJsonl.read(f)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("x.jsonl:1").hasMessageContaining("regret");
    }
}
