package dev.tuneagent.agent.llm.cassette;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.tuneagent.agent.llm.ChatModels;
import dev.tuneagent.agent.llm.TestConfigs;
import dev.tuneagent.agent.llm.TransportOptions;
import dev.tuneagent.agent.llm.usage.Usage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Replays the cassettes committed under {@code src/test/resources/cassettes/transport-sample} (made by
 * {@code RecordSampleCassettes}) with no key and the base URL on a closed port: the on-disk format stays readable
 * and replay needs no network.
 */
class ShippedCassetteReplayTest {

    @ParameterizedTest
    @CsvSource({"openai:gpt-4o-mini, openai, 23, 9", "anthropic:claude-3-5-haiku-latest, anthropic, 23, 9",
            "ollama:llama3.1, ollama, 23, 9"})
    void aCommittedCassetteReplaysWithoutKeyOrNetwork(String model, String dir, long in, long out)
            throws IOException, URISyntaxException {
        Path cassette = Path.of(getClass().getResource("/cassettes/transport-sample/" + dir).toURI());
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String base = "http://127.0.0.1:" + closed + (dir.equals("ollama") ? "" : "/v1");
        var m = ChatModels.create(TestConfigs.resolve(TestConfigs.spec(model, base, "replay:" + cassette, Duration.ofSeconds(2)),
                Map.of()), TransportOptions.defaults());

        ChatResponse r = m.chat(SystemMessage.from("You propose hyperparameters as JSON."),
                UserMessage.from("Propose one configuration for a gradient-boosted tree."));

        assertThat(r.aiMessage().text()).isEqualTo("{\"learning_rate\": 0.01, \"depth\": 4}");
        assertThat(Usage.of(r)).isEqualTo(new Usage(in, out, true));
        assertThat(Files.readString(cassette.resolve("exchange-0001.json"))).contains("Not a real model");
    }
}
