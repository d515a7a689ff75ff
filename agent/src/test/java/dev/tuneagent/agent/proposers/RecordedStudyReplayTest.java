package dev.tuneagent.agent.proposers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuneagent.agent.llambo.LlmSettings;
import dev.tuneagent.agent.llm.LlmConfigFile;
import dev.tuneagent.agent.llm.LlmConfigResolver;
import dev.tuneagent.agent.llm.TransportOptions;
import dev.tuneagent.agent.llm.standin.ScriptedProviderServer;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.task.LlmSpec;
import dev.tuneagent.agent.llm.error.CassetteMiss;
import dev.tuneagent.agent.proposers.fakes.Deps;
import dev.tuneagent.agent.proposers.fakes.MiniLoop;
import dev.tuneagent.agent.proposers.fakes.StandInStudies;
import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.prompts.card.ContextLevel;
import dev.tuneagent.prompts.history.HistoryBudget;
import dev.tuneagent.prompts.llambo.PromptSettings;
import dev.tuneagent.prompts.parse.ReplyFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Record a study over the wire through the real OpenAI client, then replay it with no network: same trials. */
class RecordedStudyReplayTest {
    static final StudyDefinition STUDY = MiniLoop.study("replay", 2026, 10);
    static final LlmSettings SETTINGS = LlmSettings.defaults(Deps.MODEL);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"llambo", "llm-sampler", "hybrid", "llm-warmstart"})
    void aRecordedTenTrialStudyReplaysToIdenticalTrials(String proposer) throws IOException {
        List<Trial> recorded = StandInStudies.record(proposer, STUDY, 10, dir, SETTINGS);
        List<Trial> replayed = StandInStudies.replay(proposer, STUDY, 10, dir, SETTINGS);

        assertThat(replayed).isEqualTo(recorded);
        assertThat(recorded).allSatisfy(t -> assertThat(t.provenance().fallback()).isNull());
        assertThat(recorded.stream().mapToLong(t -> t.provenance().inputTokens()).sum()).isPositive();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.count()).isPositive();
        }
    }

    @Test
    void structuredOutputRequestsCarryTheJsonSchemaOverTheWireAndReplay() throws IOException {
        LlmSettings json = SETTINGS.withPrompts(new PromptSettings(ContextLevel.FULL, ReplyFormat.JSON,
                HistoryBudget.tokens(6000)));
        List<Trial> recorded = StandInStudies.record("llambo", STUDY, 7, dir, json);
        assertThat(StandInStudies.replay("llambo", STUDY, 7, dir, json)).isEqualTo(recorded);
        assertThat(recorded).allSatisfy(t -> assertThat(t.provenance().fallback()).isNull());
        try (Stream<Path> files = Files.list(dir)) {
            String first = Files.readString(files.sorted().findFirst().orElseThrow());
            assertThat(first).contains("\"json_schema\"").contains("\"configurations\"");
        }
    }

    @Test
    void replayingAChangedStudyStopsAtTheFirstMissNamingTheCassetteAndWhereTheRequestDiffers() {
        StandInStudies.record("hybrid", STUDY, 7, dir, SETTINGS);
        StudyDefinition other = MiniLoop.study("replay", 99, 10);
        assertThatThrownBy(() -> StandInStudies.replay("hybrid", other, 7, dir, SETTINGS))
                .isInstanceOf(CassetteMiss.class)
                .hasMessageContaining("no recording in " + dir)
                .hasMessageContaining("Closest recording: exchange-0001.json, which differs at character")
                .hasMessageContaining("--cassette record:");
    }

    @Test
    void theCassetteSaysHonestlyWhatProducedIt() throws IOException {
        StandInStudies.record("llm-warmstart", STUDY, 1, dir, SETTINGS);
        try (Stream<Path> files = Files.list(dir)) {
            Path first = files.sorted().findFirst().orElseThrow();
            assertThat(Files.readString(first)).contains("Not a real model").contains("ScriptedLlambo");
        }
        assertThatThrownBy(() -> StandInStudies.replay("llm-warmstart", STUDY, 1, dir.resolve("missing"), SETTINGS))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(dir.resolve("missing") + ": the directory does not exist");
    }

    /** The proposer as the CLI builds it: model, capabilities and reply format resolved from the environment. */
    static Proposer registered(String name, Map<String, String> env, String cassette) {
        ProposerFactory f = LlmProposerRegistration.register(new ProposerFactory(),
                new LlmConfigResolver(env, LlmConfigFile.none()),
                TransportOptions.defaults().withRecordedWith(StandInStudies.RECORDED_WITH));
        return f.create(name, LlmProposerRegistrationTest.task(new LlmSpec(Deps.MODEL, null, cassette, null, null,
                null, null, null, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"llambo", "hybrid-warmstart"})
    void aStudyRecordedAgainstALocalServerReplaysIdenticallyWithAndWithoutTheBaseUrlVariable(String name) {
        List<Trial> recorded;
        try (ScriptedProviderServer server = ScriptedProviderServer.start(StandInStudies::reply)) {
            recorded = MiniLoop.run(registered(name, Map.of("OPENAI_BASE_URL", server.openAiBaseUrl()),
                    "record:" + dir), STUDY, 8, MiniLoop::accuracy);
        }
        List<Trial> withoutVariable = MiniLoop.run(registered(name, Map.of(), "replay:" + dir), STUDY, 8,
                MiniLoop::accuracy);
        List<Trial> withVariable = MiniLoop.run(registered(name, Map.of("OPENAI_BASE_URL",
                "http://127.0.0.1:" + StandInStudies.closedPort() + "/v1"), "replay:" + dir), STUDY, 8, MiniLoop::accuracy);

        assertThat(recorded).allSatisfy(t -> {
            assertThat(t.provenance().proposer()).isEqualTo(name);
            assertThat(t.provenance().fallback()).isNull();
        });
        assertThat(withoutVariable).isEqualTo(recorded);
        assertThat(withVariable).isEqualTo(recorded);
    }
}
