package dev.tuneagent.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.task.LlmSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A key pasted into a server URL must not travel on into the study, a cassette or an error message. */
class CredentialsInUrlsTest {
    private static final String SECRET = "sk-in-url-0000000000000000";
    private static final String URL = "https://user:" + SECRET + "@proxy.example/v1";
    @TempDir
    Path dir;

    private static String refusal(Runnable r) {
        Throwable t = catchThrowable(r::run);
        assertThat(t).isInstanceOf(ConfigException.class);
        assertThat(t.getMessage()).doesNotContain(SECRET).doesNotContain("user:");
        return t.getMessage();
    }

    @Test
    void theCommandLineTheEnvironmentAndTheConfigFileAreRefusedAlike() throws Exception {
        LlmSpec model = LlmSpec.builder().model("openai:gpt-4o-mini").build();
        Map<String, String> key = Map.of("OPENAI_API_KEY", "sk-env-000000000000");

        assertThat(refusal(() -> new LlmConfigResolver(key, LlmConfigFile.none())
                .resolve(LlmSpec.builder().model("openai:gpt-4o-mini").baseUrl(URL).build(), null, dir)))
                .startsWith("--base-url: the URL holds a user name or password");
        assertThat(refusal(() -> new LlmConfigResolver(Map.of("OPENAI_API_KEY", "sk-env-000000000000",
                "OPENAI_BASE_URL", URL), LlmConfigFile.none()).resolve(model, null, dir)))
                .startsWith("OPENAI_BASE_URL: the URL holds a user name or password");

        Path file = Files.writeString(dir.resolve("config.yaml"), "providers:\n  openai: {base_url: \"" + URL + "\"}\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(refusal(() -> LlmConfigFile.load(file)))
                .startsWith(file + ": providers.openai.base_url: the URL holds a user name or password");
    }

    @Test
    void theConfigFileExpandsYamlAliases() throws Exception {
        Path file = Files.writeString(dir.resolve("config.yaml"), """
                providers:
                  openai: {base_url: &local "http://127.0.0.1:8000/v1"}
                  ollama: {base_url: *local}
                """);
        assertThat(LlmConfigFile.load(file).providers().get(Provider.OLLAMA).baseUrl()).isEqualTo("http://127.0.0.1:8000/v1");
    }
}
