package dev.tuneagent.shell.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tuneagent.shell.Console;
import dev.tuneagent.shell.TuneApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code tune demo --proposer <llm proposer>} replays its shipped cassette: no key, no network, no fallback. */
class LlmDemoTest {
    @TempDir
    Path dir;

    private String tune(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = TuneApplication.run(new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), args);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"llambo", "llm-sampler", "hybrid", "llm-warmstart"})
    void theDemoOfEachLlmProposerReplaysItsShippedCassette(String proposer) throws Exception {
        String storage = "sqlite:" + dir.resolve("demo.db");
        tune("demo", "--proposer", proposer, "--trials", "7", "--storage", storage);
        JsonNode history = new ObjectMapper().readTree(tune("history", "demo", "--storage", storage, "--json"));
        assertThat(history).hasSize(7);
        long tokens = 0;
        for (JsonNode t : history) {
            JsonNode p = t.get("provenance");
            assertThat(p.get("proposer").asText()).isEqualTo(proposer);
            assertThat(p.path("fallback").isNull() || p.path("fallback").isMissingNode()).as(p.toString()).isTrue();
            tokens += p.path("inputTokens").asLong() + p.path("outputTokens").asLong();
        }
        assertThat(tokens).isPositive();
        if (proposer.equals("llambo")) {
            assertThat(history.get(0).get("provenance").get("model").asText()).isEqualTo("openai:stand-in");
            assertThat(history.get(6).get("provenance").get("promptVersion").asText()).isEqualTo("sampler/v1+surrogate/v1");
        }
    }
}
