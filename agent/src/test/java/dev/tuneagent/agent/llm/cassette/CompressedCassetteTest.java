package dev.tuneagent.agent.llm.cassette;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.tuneagent.agent.llm.ChatModels;
import dev.tuneagent.agent.llm.TestConfigs;
import dev.tuneagent.agent.llm.TransportOptions;
import dev.tuneagent.agent.llm.error.CassetteMiss;
import dev.tuneagent.agent.llm.standin.ScriptedProviderServer;
import dev.tuneagent.core.config.ConfigException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cassettes compressed after recording ({@code exchange-NNNN.json.gz}, packed {@code exchanges.json.gz}). */
class CompressedCassetteTest {
    @TempDir
    Path tmp;
    private Path plain;

    private static final List<String> QUESTIONS = List.of("Propose one.", "Propose another.", "Propose one.");

    private static List<String> conversation(ChatModel model) {
        ChatResponse first = model.chat(SystemMessage.from("You propose configurations."),
                UserMessage.from(QUESTIONS.get(0)));
        return Stream.concat(Stream.of(first), QUESTIONS.stream().skip(1).map(q -> model.chat(UserMessage.from(q))))
                .map(r -> r.aiMessage().text() + " | " + r.tokenUsage()).toList();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static ChatModel replayFrom(Path cassette) throws IOException {
        return ChatModels.create(TestConfigs.resolve(TestConfigs.spec("openai:m",
                "http://127.0.0.1:" + closedPort() + "/v1", "replay:" + cassette, Duration.ofSeconds(5)), Map.of()),
                TransportOptions.defaults());
    }

    private static TransportOptions session() {
        return TransportOptions.defaults().withCassetteSession("cell-1");
    }

    private ChatModel recorderInto(Path dir, ScriptedProviderServer server) {
        return ChatModels.create(TestConfigs.resolve(TestConfigs.spec("openai:m", server.openAiBaseUrl(),
                "record:" + dir, Duration.ofSeconds(5)), Map.of("OPENAI_API_KEY", TestConfigs.PLANTED_KEY)), session());
    }

    @BeforeEach
    void record() throws IOException {
        plain = tmp.resolve("plain");
        try (ScriptedProviderServer server = ScriptedProviderServer.start(r -> "reply #" + r.callIndex())) {
            conversation(recorderInto(plain, server));
        }
    }

    private static List<Path> exchanges(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("exchange-\\d+\\.json")).sorted().toList();
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    /** What {@code gzip -9n exchange-*.json} does. */
    private Path gzipEach(Path from, String name) throws IOException {
        Path to = Files.createDirectories(tmp.resolve(name));
        for (Path p : exchanges(from)) {
            Files.write(to.resolve(p.getFileName() + ".gz"), gzip(Files.readAllBytes(p)));
        }
        return to;
    }

    /** What {@code cat exchange-*.json | gzip -9n > exchanges.json.gz} does (here in reverse order: it must not matter). */
    private Path pack(Path from, String name) throws IOException {
        Path to = Files.createDirectories(tmp.resolve(name));
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        List<Path> files = new ArrayList<>(exchanges(from));
        Collections.reverse(files);
        for (Path p : files) {
            all.write(Files.readAllBytes(p));
        }
        Files.write(to.resolve(ExchangeFiles.PACKED), gzip(all.toByteArray()));
        return to;
    }

    @Test
    void gzippedAndPackedCassettesReplayIdenticallyToTheirPlainVersion() throws IOException {
        List<String> fromPlain = conversation(replayFrom(plain));

        assertThat(fromPlain).hasSize(3).first().asString().startsWith("reply #0");
        assertThat(conversation(replayFrom(gzipEach(plain, "gz")))).isEqualTo(fromPlain);
        assertThat(conversation(replayFrom(pack(plain, "packed")))).isEqualTo(fromPlain);
        // plain and compressed files may sit side by side
        Path mixed = gzipEach(plain, "mixed");
        Files.delete(mixed.resolve("exchange-0002.json.gz"));
        Files.copy(plain.resolve("exchange-0002.json"), mixed.resolve("exchange-0002.json"));
        assertThat(conversation(replayFrom(mixed))).isEqualTo(fromPlain);
    }

    @Test
    void aCorruptGzipFileIsRefusedNamingTheFile() throws IOException {
        Path notGzip = gzipEach(plain, "not-gzip");
        Files.writeString(notGzip.resolve("exchange-0002.json.gz"), "{\"plain\": \"json under a .gz name\"}");
        assertThatThrownBy(() -> replayFrom(notGzip)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(notGzip.resolve("exchange-0002.json.gz").toString())
                .hasMessageContaining("not a readable gzip file (Not in GZIP format)");

        Path truncated = pack(plain, "truncated");
        byte[] whole = Files.readAllBytes(truncated.resolve(ExchangeFiles.PACKED));
        Files.write(truncated.resolve(ExchangeFiles.PACKED), Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> replayFrom(truncated)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(truncated.resolve(ExchangeFiles.PACKED).toString())
                .hasMessageContaining("not a readable gzip file")
                .hasMessageContaining("re-record");
    }

    @Test
    void anExchangeKeptBothPlainAndCompressedIsRefusedRatherThanServedTwice() throws IOException {
        Path both = gzipEach(plain, "both");
        Files.copy(plain.resolve("exchange-0003.json"), both.resolve("exchange-0003.json"));

        assertThatThrownBy(() -> replayFrom(both)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("exchange 3 is in both exchange-0003.json and exchange-0003.json.gz")
                .hasMessageContaining("keep one");
    }

    @Test
    void aMissInAPackedCassetteNamesTheExchangeInsideIt() throws IOException {
        ChatModel replay = replayFrom(pack(plain, "packed"));

        assertThatThrownBy(() -> replay.chat(UserMessage.from("Propose on?")))
                .isInstanceOf(CassetteMiss.class)
                .hasMessageContaining("Closest recording: exchange 3 in exchanges.json.gz, which differs at character");
    }

    @Test
    void recordingMoreOfTheSameSessionIntoACompressedCassetteNumbersOnwards() throws IOException {
        Path packed = pack(plain, "packed");
        try (ScriptedProviderServer server = ScriptedProviderServer.start(r -> "later")) {
            recorderInto(packed, server).chat(UserMessage.from("one more"));
        }
        assertThat(ExchangeFiles.readTrees(packed.resolve("exchange-0004.json")).get(0).path("sequence").asInt())
                .isEqualTo(4);
        try (Stream<Path> s = Files.list(packed)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("exchange-0004.json", ExchangeFiles.PACKED);
        }
    }

    @Test
    void recordingAnotherSessionIntoACompressedCassetteIsRefused() throws IOException {
        Path gz = gzipEach(plain, "gz");
        try (ScriptedProviderServer server = ScriptedProviderServer.start(r -> "never")) {
            assertThatThrownBy(() -> ChatModels.create(TestConfigs.resolve(TestConfigs.spec("openai:m",
                    server.openAiBaseUrl(), "record:" + gz, Duration.ofSeconds(5)),
                    Map.of("OPENAI_API_KEY", TestConfigs.PLANTED_KEY)), TransportOptions.defaults()))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("already holds 3 recorded exchange");
            assertThat(server.requestCount()).isZero();
        }
    }
}
