package dev.tuneagent.evals.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.agent.llm.LlmConfigFile;
import dev.tuneagent.agent.llm.LlmConfigResolver;
import dev.tuneagent.agent.llm.TransportOptions;
import dev.tuneagent.core.task.TaskSpec;
import dev.tuneagent.evals.functions.BenchmarkFunctions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmContextTest {
    private final LlmConfigResolver resolver = new LlmConfigResolver(Map.of("OPENAI_API_KEY", "sk-test-0000000000"),
            LlmConfigFile.none());
    private final TaskSpec task = new SyntheticTask(BenchmarkFunctions.BRANIN).setup(0, 10, true).task();

    @Test
    void withLiveCallsTheCellsTaskCarriesTheModelFromTheCommandLineAndNoCassette() {
        LlmContext c = LlmContext.prepare(new LlmMode.Off(), "openai:gpt-4o-mini", resolver, TransportOptions.defaults());
        TaskSpec t = c.task(task, null);
        assertThat(t.llm().model()).isEqualTo("openai:gpt-4o-mini");
        assertThat(t.llm().cassette()).isNull();
    }

    @Test
    void recordingWritesTheManifestAndGivesEachCellItsOwnSubFolder(@TempDir Path dir) throws Exception {
        LlmMode mode = new LlmMode.Record(dir);
        LlmContext c = LlmContext.prepare(mode, "openai:gpt-4o-mini", resolver,
                TransportOptions.defaults().withRecordedWith("a test"));
        assertThat(Recordings.read(dir)).isEqualTo(new Recordings("openai:gpt-4o-mini", "https://api.openai.com/v1",
                "a test"));
        Path cell = mode.cellDir("branin", "hybrid", 3);
        assertThat(cell).isEqualTo(dir.resolve("branin/hybrid-s3"));
        assertThat(c.task(task, cell).llm().cassette()).isEqualTo("record:" + cell);
        assertThat(Files.readString(dir.resolve(Recordings.FILE))).doesNotContain("sk-test");
    }

    @Test
    void aReplayTakesModelAndBaseUrlFromTheManifestNotFromTheEnvironment(@TempDir Path dir) {
        Recordings.writeOrCheck(dir, new Recordings("openai:stand-in", "http://127.0.0.1:9/v1", "scripted"));
        LlmConfigResolver withEnv = new LlmConfigResolver(Map.of("OPENAI_BASE_URL", "https://api.openai.com/v1"),
                LlmConfigFile.none());
        LlmContext c = LlmContext.prepare(new LlmMode.Replay(dir), null, withEnv, TransportOptions.defaults());
        TaskSpec t = c.task(task, dir.resolve("branin/hybrid-s0"));
        assertThat(t.llm().model()).isEqualTo("openai:stand-in");
        assertThat(t.llm().baseUrl()).isEqualTo("http://127.0.0.1:9/v1");
        assertThat(t.llm().cassette()).isEqualTo("replay:" + dir.resolve("branin/hybrid-s0"));
    }

    @Test
    void recordingAnotherModelIntoTheSameDirectoryIsRefused(@TempDir Path dir) {
        Recordings.writeOrCheck(dir, new Recordings("openai:stand-in", "http://127.0.0.1:9/v1", "scripted"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LlmContext.prepare(new LlmMode.Record(dir),
                "openai:gpt-4o-mini", resolver, TransportOptions.defaults())).hasMessageStartingWith("--llm")
                .hasMessageContaining("openai:stand-in");
    }
}
