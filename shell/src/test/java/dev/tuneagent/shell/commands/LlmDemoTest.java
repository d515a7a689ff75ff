package dev.tuneagent.shell.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tuneagent.shell.ExitCodes;
import dev.tuneagent.shell.fixtures.Cli.Result;
import dev.tuneagent.shell.fixtures.Cli;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code tune demo --proposer <llm proposer>} replays its shipped cassette: no key, no network, no fallback. */
class LlmDemoTest {
    @TempDir
    Path dir;

    private String tune(String... args) {
        Result r = Cli.tune(args);
        assertThat(r.code()).as(r.err()).isZero();
        return r.out();
    }

    @ParameterizedTest
    @ValueSource(strings = {"llambo", "llm-sampler", "hybrid", "llm-warmstart", "hybrid-warmstart"})
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

    @Test
    void aReplayThatNoLongerMatchesStopsWithExitCodeFiveAndTheStudyResumesWithoutAGpTrialInItsPlace()
            throws Exception {
        String storage = "sqlite:" + dir.resolve("miss.db");
        // The shipped hybrid cassette was recorded with seed 0: another seed gives other trials, so the first
        // model request (after the GP's 5 initial trials) matches no recording.
        Result r = Cli.tune("demo", "--proposer", "hybrid", "--seed", "3", "--trials", "8", "--storage", storage);

        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.REPLAY_MISMATCH);
        assertThat(r.err()).startsWith("tune: cassette replay: no recording in ")
                .contains("tune-demo-hybrid-").contains("differs at character").doesNotContain("\tat ");
        JsonNode history = new ObjectMapper().readTree(tune("history", "demo", "--storage", storage, "--json"));
        assertThat(history).hasSize(5);
        for (JsonNode t : history) {
            assertThat(t.get("state").asText()).isEqualTo("COMPLETE");
            assertThat(t.get("provenance").path("fallback").isNull()).isTrue();
        }
    }

    @Test
    void aReplayDirectoryThatDoesNotExistIsRefusedBeforeAStudyIsCreated() throws Exception {
        String storage = "sqlite:" + dir.resolve("none.db");
        Path missing = dir.resolve("no-such-cassette");
        Result r = Cli.tune("demo", "--proposer", "llambo", "--model", "openai:stand-in", "--cassette", "replay:" + missing,
                "--storage", storage);

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("cannot replay " + missing + ": the directory does not exist");
        assertThat(tune("studies", "--storage", storage)).doesNotContain("demo ");
    }
}
