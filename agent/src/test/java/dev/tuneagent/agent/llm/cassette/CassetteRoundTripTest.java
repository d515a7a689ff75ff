package dev.tuneagent.agent.llm.cassette;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.tuneagent.agent.llm.ChatModels;
import dev.tuneagent.agent.llm.ResolvedLlmConfig;
import dev.tuneagent.agent.llm.TestConfigs;
import dev.tuneagent.agent.llm.TransportOptions;
import dev.tuneagent.agent.llm.error.CassetteError;
import dev.tuneagent.agent.llm.error.CassetteMiss;
import dev.tuneagent.agent.llm.standin.ScriptedProviderServer;
import dev.tuneagent.core.config.ConfigException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CassetteRoundTripTest {
    @TempDir
    Path dir;

    private static String baseUrl(ScriptedProviderServer s, String provider) {
        return switch (provider) {
            case "openai" -> s.openAiBaseUrl();
            case "anthropic" -> s.anthropicBaseUrl();
            default -> s.ollamaBaseUrl();
        };
    }

    private static Map<String, String> env() {
        return Map.of("OPENAI_API_KEY", TestConfigs.PLANTED_KEY, "ANTHROPIC_API_KEY", TestConfigs.PLANTED_KEY);
    }

    private static List<ChatResponse> conversation(ChatModel model) {
        List<ChatResponse> out = new ArrayList<>();
        out.add(model.chat(SystemMessage.from("You propose configurations."), UserMessage.from("Propose one.")));
        out.add(model.chat(UserMessage.from("Propose another.")));
        out.add(model.chat(UserMessage.from("Propose one."))); // distinct from the first: no system message
        out.add(model.chat(UserMessage.from("Propose another."))); // identical to the second: replays in order
        return out;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic", "ollama"})
    void aRecordedSessionReplaysIdenticalResponsesWithTheNetworkDisabled(String provider) throws IOException {
        List<ChatResponse> recorded;
        try (ScriptedProviderServer server = ScriptedProviderServer.start(r -> "reply #" + r.callIndex()
                + " to: " + r.lastUserText())) {
            ResolvedLlmConfig rec = TestConfigs.resolve(TestConfigs.spec(provider + ":stand-in-model",
                    baseUrl(server, provider), "record:" + dir, Duration.ofSeconds(5)), env());
            recorded = conversation(ChatModels.create(rec, TransportOptions.defaults()
                    .withRecordedWith(ScriptedProviderServer.RECORDED_WITH)));
            assertThat(server.requestCount()).isEqualTo(4);
        }
        String closed = provider.equals("ollama") ? "http://127.0.0.1:" + closedPort()
                : "http://127.0.0.1:" + closedPort() + "/v1";
        ResolvedLlmConfig rep = TestConfigs.resolve(TestConfigs.spec(provider + ":stand-in-model", closed,
                "replay:" + dir, Duration.ofSeconds(5)), Map.of());
        List<ChatResponse> replayed = conversation(ChatModels.create(rep, TransportOptions.defaults()));

        assertThat(replayed).extracting(r -> r.aiMessage().text())
                .containsExactlyElementsOf(recorded.stream().map(r -> r.aiMessage().text()).toList());
        assertThat(replayed).extracting(ChatResponse::tokenUsage)
                .containsExactlyElementsOf(recorded.stream().map(ChatResponse::tokenUsage).toList());
        assertThat(recorded.get(3).aiMessage().text()).startsWith("reply #3");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("exchange-0001.json", "exchange-0002.json", "exchange-0003.json",
                            "exchange-0004.json");
        }
        assertThat(Files.readString(dir.resolve("exchange-0001.json")))
                .contains("\"recorded_with\" : \"ScriptedProviderServer");
    }

    @Test
    void anUnmatchedRequestInReplayNamesTheRequestAndHowToReRecord() throws IOException {
        try (ScriptedProviderServer server = ScriptedProviderServer.start(r -> "ok")) {
            ChatModels.create(TestConfigs.resolve(TestConfigs.spec("openai:m", server.openAiBaseUrl(),
                    "record:" + dir, Duration.ofSeconds(5)), env()), TransportOptions.defaults())
                    .chat(UserMessage.from("recorded question"));
        }
        ChatModel replay = ChatModels.create(TestConfigs.resolve(TestConfigs.spec("openai:m",
                "http://127.0.0.1:" + closedPort() + "/v1", "replay:" + dir, Duration.ofSeconds(5)), Map.of()),
                TransportOptions.defaults());

        assertThatThrownBy(() -> replay.chat(UserMessage.from("a question never recorded")))
                .isInstanceOf(CassetteMiss.class)
                .hasMessageContaining("POST /v1/chat/completions")
                .hasMessageContaining("a question never recorded")
                .hasMessageContaining("body sha256:")
                .hasMessageContaining("--cassette record:" + dir)
                .hasMessageContaining("OPENAI_API_KEY")
                .hasMessageContaining("Closest recording: exchange-0001.json, which differs at character")
                .hasMessageContaining("recorded \"...");
        replay.chat(UserMessage.from("recorded question"));
        assertThatThrownBy(() -> replay.chat(UserMessage.from("recorded question")))
                .isInstanceOf(CassetteMiss.class)
                .hasMessageContaining("all 1 recording(s) of this exact request in " + dir + " were already replayed");
    }

    @Test
    void recordingIntoADirectoryThatHoldsAnotherRecordingIsRefusedBeforeAnyCall() throws IOException {
        try (ScriptedProviderServer server = ScriptedProviderServer.start(r -> "ok")) {
            var config = TestConfigs.resolve(TestConfigs.spec("openai:m", server.openAiBaseUrl(), "record:" + dir,
                    Duration.ofSeconds(5)), env());
            ChatModels.create(config, TransportOptions.defaults()).chat(UserMessage.from("first session"));

            assertThatThrownBy(() -> ChatModels.create(config, TransportOptions.defaults()))
                    .isInstanceOf(dev.tuneagent.core.config.ConfigException.class)
                    .hasMessageContaining("already holds 1 recorded exchange")
                    .hasMessageContaining("empty directory");
            assertThat(server.requestCount()).isEqualTo(1);
            assertThat(Files.readString(dir.resolve("exchange-0001.json"))).contains("first session");
        }
    }

    @Test
    void modelsOfOneSessionShareADirectoryAndNumberOnwards() throws IOException {
        try (ScriptedProviderServer server = ScriptedProviderServer.start(r -> "ok " + r.callIndex())) {
            var config = TestConfigs.resolve(TestConfigs.spec("openai:m", server.openAiBaseUrl(), "record:" + dir,
                    Duration.ofSeconds(5)), env());
            TransportOptions shared = TransportOptions.defaults().withCassetteSession("eval-run-7");
            ChatModel a = ChatModels.create(config, shared);
            a.chat(UserMessage.from("from a"));
            ChatModel b = ChatModels.create(config, shared);
            b.chat(UserMessage.from("from b"));
            a.chat(UserMessage.from("from a again"));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("exchange-0001.json", "exchange-0002.json", "exchange-0003.json");
        }
        assertThat(Files.readString(dir.resolve("exchange-0003.json"))).contains("from a again")
                .contains("\"session\" : \"eval-run-7\"");
    }

    @Test
    void aRecordedRateLimitReplaysItsRetryWithoutWaiting() throws IOException {
        TestConfigs.RecordingSleeper recordingWaits = new TestConfigs.RecordingSleeper();
        try (ScriptedProviderServer server = ScriptedProviderServer.start(r -> "after the rate limit")) {
            server.wireMock().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                            com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/v1/chat/completions"))
                    .atPriority(1).inScenario("rl").whenScenarioStateIs(
                            com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                    .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(429)
                            .withHeader("Retry-After", "5").withBody("{\"error\":{\"message\":\"slow down\"}}"))
                    .willSetStateTo("ok"));
            ChatModels.create(TestConfigs.resolve(TestConfigs.spec("openai:m", server.openAiBaseUrl(),
                    "record:" + dir, Duration.ofSeconds(5)), env()), TransportOptions.defaults()
                    .withClock(new TestConfigs.ManualClock(), recordingWaits)).chat(UserMessage.from("q"));
        }
        assertThat(recordingWaits.waits).containsExactly(Duration.ofSeconds(5));
        assertThat(Files.readString(dir.resolve("exchange-0001.json"))).contains("\"retry-after\" : \"5\"");

        TestConfigs.RecordingSleeper replayWaits = new TestConfigs.RecordingSleeper();
        ChatModel replay = ChatModels.create(TestConfigs.resolve(TestConfigs.spec("openai:m",
                "http://127.0.0.1:" + closedPort() + "/v1", "replay:" + dir, Duration.ofSeconds(5)), Map.of()),
                TransportOptions.defaults().withClock(new TestConfigs.ManualClock(), replayWaits));

        assertThat(replay.chat(UserMessage.from("q")).aiMessage().text()).isEqualTo("after the rate limit");
        assertThat(replayWaits.waits).isEmpty();
    }

    private ChatModel replayFrom(Path cassette) throws IOException {
        return ChatModels.create(TestConfigs.resolve(TestConfigs.spec("openai:m",
                "http://127.0.0.1:" + closedPort() + "/v1", "replay:" + cassette, Duration.ofSeconds(5)), Map.of()),
                TransportOptions.defaults());
    }

    @Test
    void aCorruptCassetteFileIsRefusedWhenTheModelIsBuiltNamingTheFile() throws IOException {
        Files.writeString(dir.resolve("exchange-0001.json"), "{ \"request\": ");

        assertThatThrownBy(() -> replayFrom(dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(dir.resolve("exchange-0001.json").toString())
                .hasMessageContaining("not readable JSON")
                .hasMessageContaining("re-record");
    }

    @Test
    void aJsonFileThatIsNotAnExchangeIsRefusedToo() throws IOException {
        Files.writeString(dir.resolve("exchange-0001.json"), "{\"hello\": 1}");

        assertThatThrownBy(() -> replayFrom(dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("exchange-0001.json")
                .hasMessageContaining("not a recorded exchange");
    }

    @Test
    void aMissingOrEmptyReplayDirectoryIsRefusedWhenTheModelIsBuilt() {
        Path missing = dir.resolve("no-such-cassette");
        assertThatThrownBy(() -> replayFrom(missing))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist")
                .hasMessageContaining("--cassette record:" + missing);
        assertThatThrownBy(() -> replayFrom(dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("holds no exchange-NNNN.json, exchange-NNNN.json.gz or exchanges.json.gz file");
    }

    @Test
    void aCassetteThatCannotBeWrittenFailsOnceWithoutPayingForRetries() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("a-file"), "x");
        try (ScriptedProviderServer server = ScriptedProviderServer.start(r -> "ok")) {
            ChatModel model = ChatModels.create(TestConfigs.resolve(TestConfigs.spec("openai:m", server.openAiBaseUrl(),
                    "record:" + notADirectory, Duration.ofSeconds(5)), env()), TransportOptions.defaults());

            assertThatThrownBy(() -> model.chat(UserMessage.from("q")))
                    .isInstanceOf(CassetteError.class)
                    .hasMessageContaining("cannot write the cassette in " + notADirectory);
            assertThat(server.requestCount()).isEqualTo(1);
        }
    }
}
