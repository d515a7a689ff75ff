package dev.tuneagent.agent.proposers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuneagent.agent.llm.LlmConfigFile;
import dev.tuneagent.agent.llm.LlmConfigResolver;
import dev.tuneagent.agent.llm.ResolvedLlmConfig;
import dev.tuneagent.agent.llm.TransportOptions;
import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.task.CommandJobSpec;
import dev.tuneagent.core.task.LlmSpec;
import dev.tuneagent.core.task.TaskSpec;
import dev.tuneagent.prompts.parse.ReplyFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmProposerRegistrationTest {
    static final String KEY = "sk-test-PLANTED-KEY-123";

    static TaskSpec task(LlmSpec llm) {
        return TaskSpec.builder("t", "loss", Direction.MINIMIZE, new CommandJobSpec(List.of("python3", "x.py"),
                Duration.ofSeconds(5), "loss", Path.of("."))).trials(10).proposer("llambo").llm(llm)
                .baseDir(Path.of(".")).build();
    }

    static ResolvedLlmConfig resolve(LlmSpec llm, Map<String, String> env) {
        return new LlmConfigResolver(env, LlmConfigFile.none()).resolve(null, llm, Path.of("."));
    }

    @Test
    void everyLlmProposerIsRegisteredNextToTheClassicalOnes() {
        ProposerFactory f = LlmProposerRegistration.register(ProposerFactory.classical(),
                new LlmConfigResolver(Map.of("OPENAI_API_KEY", KEY), LlmConfigFile.none()), TransportOptions.defaults());
        assertThat(f.names()).contains("gp", "sobol", "llambo", "llm-sampler", "hybrid", "llm-warmstart");
        assertThat(f.create("hybrid", task(new LlmSpec("openai:gpt-4o-mini", null, null, null, null, null, null, null,
                null))).name()).isEqualTo("hybrid");
    }

    @Test
    void aMissingModelIsAUserErrorThatSaysWhatToSet() {
        ProposerFactory f = LlmProposerRegistration.register(new ProposerFactory(),
                new LlmConfigResolver(Map.of(), LlmConfigFile.none()), TransportOptions.defaults());
        assertThatThrownBy(() -> f.create("llambo", task(LlmSpec.empty()))).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> f.create("llambo", task(new LlmSpec("openai:gpt-4o-mini", null, null, null, null,
                null, null, null, null)))).isInstanceOf(ConfigException.class).hasMessageContaining("OPENAI_API_KEY");
    }

    static ReplyFormat formatOf(LlmSpec llm, Map<String, String> env) {
        ProposerFactory f = LlmProposerRegistration.register(new ProposerFactory(),
                new LlmConfigResolver(env, LlmConfigFile.none()), TransportOptions.defaults());
        return ((SampleAndRankProposer) ((FallbackChain) f.create("llambo", task(llm))).primary()).replyFormat();
    }

    static LlmSpec spec(String model, String baseUrl, String cassette) {
        return new LlmSpec(model, baseUrl, cassette, null, null, null, null, null, null);
    }

    @Test
    void structuredJsonIsUsedForOpenAisOwnApiAndTheDelimitedFormatElsewhere() {
        assertThat(formatOf(spec("openai:gpt-4o-mini", null, null), Map.of("OPENAI_API_KEY", KEY)))
                .isEqualTo(ReplyFormat.JSON);
        assertThat(formatOf(spec("openai:qwen2.5", null, null), Map.of("OPENAI_BASE_URL", "http://127.0.0.1:8000/v1")))
                .isEqualTo(ReplyFormat.DELIMITED);
        assertThat(formatOf(spec("ollama:llama3.1", null, null), Map.of())).isEqualTo(ReplyFormat.DELIMITED);
    }

    @Test
    void inReplayTheRecordingDecidesTheFormatWhateverTheBaseUrl(@TempDir Path delimited, @TempDir Path json)
            throws IOException {
        // Recorded against a local OpenAI-compatible server: plain (delimited) prompts, no response_format.
        Files.writeString(delimited.resolve("exchange-0001.json"), exchange("{\"model\":\"bridge\",\"messages\":[]}"));
        // Recorded against OpenAI's own API: structured output.
        Files.writeString(json.resolve("exchange-0001.json"), exchange("{\"model\":\"bridge\",\"messages\":[],"
                + "\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"x\"}}}"));

        for (Map<String, String> env : List.of(Map.<String, String>of(),
                Map.of("OPENAI_BASE_URL", "http://127.0.0.1:9/v1"))) {
            assertThat(formatOf(spec("openai:bridge", null, "replay:" + delimited), env)).isEqualTo(ReplyFormat.DELIMITED);
            assertThat(formatOf(spec("openai:bridge", null, "replay:" + json), env)).isEqualTo(ReplyFormat.JSON);
        }
    }

    static String exchange(String requestBody) {
        return "{\"recorded_with\":\"test\",\"sequence\":1,\"request\":{\"method\":\"POST\","
                + "\"path\":\"/v1/chat/completions\",\"headers\":{},\"body\":" + requestBody + "},"
                + "\"response\":{\"status\":200,\"headers\":{},\"body\":{}}}";
    }

    @Test
    void cliValuesReplaceTheTasksLlmSettingsAndTheDemoUsesItsShippedCassette() {
        TaskSpec t = LlmProposerRegistration.withCli(task(new LlmSpec("ollama:x", null, "off", null, 0.5, null, null,
                0.2, "none")), "openai:gpt-4o-mini", "replay:/tmp/c");
        assertThat(t.llm().model()).isEqualTo("openai:gpt-4o-mini");
        assertThat(t.llm().cassette()).isEqualTo("replay:/tmp/c");
        assertThat(t.llm().alpha()).isEqualTo(0.2);
        LlmSpec demo = DemoCassettes.llmFor("llambo", null, null);
        assertThat(demo.model()).isEqualTo(DemoCassettes.MODEL);
        assertThat(Path.of(demo.cassette().substring("replay:".length())).resolve("exchange-0001.json")).isRegularFile();
        assertThat(DemoCassettes.llmFor("gp", null, null)).isEqualTo(LlmSpec.empty());
    }

    @Test
    void aRelativeCassetteOnTheCommandLineResolvesAgainstTheWorkingDirectoryNotTheTaskFolder() {
        TaskSpec t = TaskSpec.builder("t", "loss", Direction.MINIMIZE, new CommandJobSpec(List.of("python3", "x.py"),
                Duration.ofSeconds(5), "loss", Path.of("."))).baseDir(Path.of("/somewhere/else")).build();
        TaskSpec merged = LlmProposerRegistration.withCli(t, null, "replay:recordings/svm-1");
        assertThat(merged.llm().cassette()).isEqualTo("replay:" + Path.of("recordings/svm-1").toAbsolutePath().normalize());
        assertThat(LlmProposerRegistration.withCli(t, null, "replay:/abs/dir").llm().cassette()).isEqualTo("replay:/abs/dir");
        assertThat(LlmProposerRegistration.withCli(t, null, "off").llm().cassette()).isEqualTo("off");
    }
}
