package dev.tuneagent.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.task.LlmSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmConfigFileTest {
    private static final String SECRET = "sk-file-key-000000000000000000";
    @TempDir
    Path dir;

    private Path write(String yaml, String perms) throws IOException {
        Path f = dir.resolve("config.yaml");
        Files.writeString(f, yaml);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(perms));
        return f;
    }

    private static final String FULL = """
            model: openai:gpt-4o-mini
            timeout: 45s
            connect_timeout: 500ms
            providers:
              openai: { api_key: %s, base_url: https://proxy.example/v1 }
              ollama: { base_url: http://gpu:11434 }
            prices:
              openai:gpt-4o-mini: { input: 0.2, output: 0.7 }
            """.formatted(SECRET);

    @Test
    void aPrivateFileSuppliesModelKeyBaseUrlTimeoutsAndPrices() throws IOException {
        LlmConfigFile file = LlmConfigFile.load(write(FULL, "rw-------"));
        ResolvedLlmConfig c = new LlmConfigResolver(Map.of(), file).resolve(null, null, null);

        assertThat(c.model().toString()).isEqualTo("openai:gpt-4o-mini");
        assertThat(c.apiKey().reveal()).isEqualTo(SECRET);
        assertThat(c.apiKey().source()).contains("providers.openai.api_key");
        assertThat(c.baseUrl()).isEqualTo("https://proxy.example/v1");
        assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(c.connectTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.prices().outputPerM()).isEqualTo(0.7);
    }

    @Test
    void theEnvironmentWinsOverTheFile() throws IOException {
        LlmConfigFile file = LlmConfigFile.load(write(FULL, "rw-------"));
        ResolvedLlmConfig c = new LlmConfigResolver(Map.of("OPENAI_API_KEY", "sk-from-env-1234",
                "OPENAI_BASE_URL", "http://localhost:9/v1"), file).resolve(null, null, null);

        assertThat(c.apiKey().source()).isEqualTo("OPENAI_API_KEY");
        assertThat(c.baseUrl()).isEqualTo("http://localhost:9/v1");
        assertThat(new LlmConfigResolver(Map.of(), file).resolve(LlmSpec.builder().model("openai:gpt-4o-mini")
                .timeout(Duration.ofSeconds(3)).build(), null, null).timeout())
                .isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aFileWithAKeyThatOthersCanReadIsRefusedWithTheFixToRun() throws IOException {
        Path f = write(FULL, "rw-r--r--");

        assertThatThrownBy(() -> LlmConfigFile.load(f))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("chmod 600 " + f)
                .hasMessageContaining("rw-r--r--")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void aFileWithoutKeysMayBeReadable() throws IOException {
        LlmConfigFile file = LlmConfigFile.load(write("model: ollama:llama3.1\n", "rw-r--r--"));
        assertThat(file.model()).isEqualTo("ollama:llama3.1");
    }

    @Test
    void unknownKeysAndBadValuesNameTheirPath() throws IOException {
        assertThatThrownBy(() -> LlmConfigFile.load(write("modle: openai:x\n", "rw-------")))
                .hasMessageContaining("modle");
        assertThatThrownBy(() -> LlmConfigFile.load(write("timeout: soon\n", "rw-------")))
                .hasMessageContaining("timeout").hasMessageContaining("\"soon\"").hasMessageContaining("30s");
        assertThatThrownBy(() -> LlmConfigFile.load(write("prices:\n  m: { input: -1, output: 1 }\n", "rw-------")))
                .hasMessageContaining("prices.m.input");
        assertThatThrownBy(() -> LlmConfigFile.load(write("providers:\n  mistral: { api_key: k }\n", "rw-------")))
                .hasMessageContaining("providers.mistral");
    }

    @Test
    void aMissingFileIsAnEmptyConfig() {
        assertThat(LlmConfigFile.load(dir.resolve("absent.yaml")).model()).isNull();
        assertThat(LlmConfigFile.defaultPath(Map.of("TUNE_CONFIG", "/etc/tune.yaml"))).isEqualTo(Path.of("/etc/tune.yaml"));
    }

    @Test
    void connectResolvesEverySourceAndBuildsTheModelInOneCall() throws IOException {
        LlmConfigFile file = LlmConfigFile.load(write("model: ollama:llama3.1\ntimeout: 7s\n", "rw-r--r--"));
        LlmConnection c = ChatModels.connect(new LlmConfigResolver(Map.of("OLLAMA_HOST", "gpu:11434"), file), null,
                null, null, TransportOptions.defaults());

        assertThat(c.config().model().toString()).isEqualTo("ollama:llama3.1");
        assertThat(c.config().baseUrl()).isEqualTo("http://gpu:11434");
        assertThat(c.config().timeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(c.model().circuitState()).isEqualTo(dev.tuneagent.agent.llm.resilience.CircuitBreaker.State.CLOSED);
    }
}
