package dev.tuneagent.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuneagent.agent.llm.cassette.CassetteMode;
import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.task.LlmSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmConfigResolverTest {
    private static final Map<String, String> KEYS = Map.of("OPENAI_API_KEY", "sk-env-openai-0000000000000000",
            "ANTHROPIC_API_KEY", "sk-ant-env-000000000000000000");

    private static LlmSpec model(String m) {
        return LlmSpec.builder().model(m).build();
    }

    private static ResolvedLlmConfig resolve(LlmSpec cli, LlmSpec task, Map<String, String> env) {
        return new LlmConfigResolver(env, LlmConfigFile.none()).resolve(cli, task, Path.of("/tasks"));
    }

    @Test
    void theCommandLineModelWinsOverTheTaskAndTheTaskOverTheEnvironment() {
        assertThat(resolve(model("anthropic:claude-x"), model("openai:gpt-4o"), KEYS).model())
                .isEqualTo(new ModelRef(Provider.ANTHROPIC, "claude-x"));
        assertThat(resolve(null, model("openai:gpt-4o"), Map.of("TUNE_MODEL", "ollama:llama3.1",
                "OPENAI_API_KEY", "k-123456")).model().toString()).isEqualTo("openai:gpt-4o");
        assertThat(resolve(null, null, Map.of("TUNE_MODEL", "ollama:llama3.1")).model().toString())
                .isEqualTo("ollama:llama3.1");
    }

    @Test
    void ollamaTagsKeepTheirColons() {
        assertThat(ModelRef.parse("ollama:llama3.1:8b", "--model").name()).isEqualTo("llama3.1:8b");
    }

    @Test
    void aMalformedModelNamesTheOptionTheValueAndTheExpectedForm() {
        assertThatThrownBy(() -> resolve(model("gpt-4o"), null, KEYS))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--model")
                .hasMessageContaining("\"gpt-4o\"")
                .hasMessageContaining("PROVIDER:NAME");
        assertThatThrownBy(() -> resolve(null, model("mistral:large"), KEYS))
                .hasMessageContaining("llm.model").hasMessageContaining("openai, anthropic, ollama");
    }

    @Test
    void aMissingKeyNamesTheVariableToSet() {
        assertThatThrownBy(() -> resolve(model("anthropic:claude-x"), null, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ANTHROPIC_API_KEY")
                .hasMessageContaining("--cassette replay:DIR");
    }

    @Test
    void replayNeedsNoKeyAndLocalServersNeedNone() {
        assertThat(resolve(LlmSpec.builder().model("openai:gpt-4o").cassette("replay:cassettes/demo").build(), null,
                Map.of()).cassette())
                .isEqualTo(new CassetteMode.Replay(Path.of("cassettes/demo")));
        assertThat(resolve(model("openai:qwen"), null, Map.of("OPENAI_BASE_URL", "http://localhost:8000/v1")).key())
                .isEmpty();
        assertThat(resolve(model("ollama:llama3.1"), null, Map.of()).key()).isEmpty();
    }

    @Test
    void aTaskCassetteDirectoryResolvesAgainstTheTaskFileDirectory() {
        LlmSpec task = LlmSpec.builder().model("openai:gpt-4o").cassette("record:rec").build();
        assertThat(resolve(null, task, KEYS).cassette()).isEqualTo(new CassetteMode.Record(Path.of("/tasks/rec")));
        assertThatThrownBy(() -> resolve(LlmSpec.builder().model("openai:gpt-4o").cassette("tape:x").build(), null, KEYS))
                .hasMessageContaining("--cassette").hasMessageContaining("record:DIR");
    }

    @Test
    void baseUrlsAreNormalizedTheWayServersExpect() {
        assertThat(resolve(model("openai:q"), null, Map.of("OPENAI_BASE_URL", "http://localhost:8000")).baseUrl())
                .isEqualTo("http://localhost:8000/v1");
        assertThat(resolve(model("ollama:l"), null, Map.of("OLLAMA_HOST", "127.0.0.1:11434")).baseUrl())
                .isEqualTo("http://127.0.0.1:11434");
        assertThat(resolve(model("ollama:l"), null, Map.of("OLLAMA_HOST", "gpu-box")).baseUrl())
                .isEqualTo("http://gpu-box:11434");
        assertThat(resolve(model("openai:gpt-4o"), null, KEYS).baseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThatThrownBy(() -> resolve(model("openai:q"), null, Map.of("OPENAI_BASE_URL", "ftp://x/v1")))
                .hasMessageContaining("OPENAI_BASE_URL").hasMessageContaining("http");
    }

    @Test
    void theKeyIsNeverPartOfTheConfigsText() {
        ResolvedLlmConfig c = resolve(model("openai:gpt-4o-mini"), null, KEYS);
        assertThat(c.toString()).doesNotContain("sk-env-openai").contains("OPENAI_API_KEY");
        assertThat(c.apiKey().reveal()).isEqualTo("sk-env-openai-0000000000000000");
    }

    @Test
    void anExportedKeyWithoutAModelPicksThatProvidersSmallModel() {
        assertThat(resolve(null, null, Map.of("ANTHROPIC_API_KEY", "sk-ant-x-123")).model().provider())
                .isEqualTo(Provider.ANTHROPIC);
        assertThatThrownBy(() -> resolve(null, null, Map.of())).hasMessageContaining("no model configured");
    }

    @Test
    void pricesComeFromTheTaskThenTheBuiltInListAndAreUnknownOtherwise() {
        LlmSpec priced = LlmSpec.builder().model("openai:gpt-4o-mini").prices(1.0, 2.0).build();
        assertThat(resolve(priced, null, KEYS).prices().inputPerM()).isEqualTo(1.0);
        assertThat(resolve(model("openai:gpt-4o-mini"), null, KEYS).prices().source()).contains("built-in");
        assertThat(resolve(model("openai:some-new-model"), null, KEYS).prices()).isNull();
        assertThat(resolve(model("openai:gpt-4o-mini"), null,
                Map.of("OPENAI_BASE_URL", "http://localhost:8000/v1")).prices()).isNull();
    }

    @Test
    void theTimeoutFollowsThePrecedenceAndDefaultsToSixtySeconds() {
        LlmSpec cli = LlmSpec.builder().model("openai:gpt-4o").timeout(Duration.ofSeconds(5)).build();
        LlmSpec task = LlmSpec.builder().timeout(Duration.ofSeconds(9)).build();
        assertThat(resolve(cli, task, KEYS).timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(resolve(model("openai:gpt-4o"), task, KEYS).timeout()).isEqualTo(Duration.ofSeconds(9));
        assertThat(resolve(model("openai:gpt-4o"), null, KEYS).timeout()).isEqualTo(Duration.ofSeconds(60));
    }
}
