package dev.tuneagent.agent.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.langchain4j.data.message.UserMessage;
import dev.tuneagent.agent.llm.standin.ScriptedProviderServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plants a fake key, records a good call and several failing ones (the server even echoes the key back), then greps
 * every cassette file, every log line and every exception text for it.
 */
class PlantedKeyTest {
    private static final String KEY = TestConfigs.PLANTED_KEY;
    @TempDir
    Path dir;
    private final List<String> logLines = new ArrayList<>();
    private final Logger jul = Logger.getLogger("dev.tuneagent.agent.llm");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            Object[] params = r.getParameters();
            logLines.add(r.getMessage() + " " + (params == null ? "" : List.of(params)));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        jul.setLevel(Level.ALL);
        jul.addHandler(capture);
    }

    @AfterEach
    void unlisten() {
        jul.removeHandler(capture);
    }

    @Test
    void thePlantedKeyAppearsInNoCassetteLogLineOrExceptionMessage() throws IOException {
        List<String> errors = new ArrayList<>();
        try (ScriptedProviderServer server = ScriptedProviderServer.start(r -> "echo of the prompt: " + r.lastUserText())) {
            ResolvedLlmConfig config = TestConfigs.resolve(TestConfigs.spec("openai:m", server.openAiBaseUrl(),
                    "record:" + dir, Duration.ofSeconds(5)), Map.of("OPENAI_API_KEY", KEY));
            var model = ChatModels.create(config, TestConfigs.fastOptions(new TestConfigs.ManualClock(),
                    new TestConfigs.RecordingSleeper()));
            // The prompt itself contains the key (say a user pasted it into a task description).
            model.chat(UserMessage.from("my key is " + KEY + ", propose something"));
            server.wireMock().stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(1)
                    .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                            .withHeader("X-Echo", KEY)
                            .withBody("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}")));
            errors.add(text(catchThrowable(() -> model.chat(UserMessage.from("again")))));
            server.wireMock().stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(1)
                    .willReturn(aResponse().withStatus(503).withBody("overloaded for " + KEY)));
            errors.add(text(catchThrowable(() -> model.chat(UserMessage.from("again")))));
            errors.add(config.toString());
        }

        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(3); // the good call, the 401 and the 503s are all recorded
        for (Path f : files) {
            String content = Files.readString(f);
            assertThat(content).as(f.toString()).doesNotContain(KEY).doesNotContain("PLANTED");
        }
        assertThat(Files.readString(files.get(0))).contains("\"authorization\" : \"[REDACTED]\"")
                .contains("my key is [REDACTED]");
        assertThat(logLines).isNotEmpty().allSatisfy(l -> assertThat(l).doesNotContain(KEY));
        assertThat(errors).hasSize(3).allSatisfy(e -> assertThat(e).doesNotContain(KEY));
        assertThat(errors.get(0)).contains("OPENAI_API_KEY");
    }

    private static String text(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
