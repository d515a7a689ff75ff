package dev.tuneagent.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.chat.ChatModel;
import dev.tuneagent.agent.llm.ChatModels;
import dev.tuneagent.agent.llm.LlmConfigFile;
import dev.tuneagent.agent.llm.LlmConfigResolver;
import dev.tuneagent.agent.llm.TransportOptions;
import dev.tuneagent.agent.llm.standin.ScriptedProviderServer;
import dev.tuneagent.core.task.InProcessJobSpec;
import dev.tuneagent.core.task.LlmSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped cassette replays with no key and no network (the README's {@code tune ask} example), is honestly
 * labelled, and holds every tool call and result. A change to the prompt or the tools makes this fail: re-record
 * with {@link RecordAskCassette}.
 */
class ShippedAskCassetteTest {
    static final Path SHIPPED = Path.of("..", "examples", "cassettes", "ask-wine").toAbsolutePath().normalize();

    @TempDir
    Path folder;

    @Test
    void theShippedCassetteReplaysTheSentenceIntoTheWineTask() {
        var config = new LlmConfigResolver(Map.of(), LlmConfigFile.none())
                .resolve(new LlmSpec(RecordAskCassette.MODEL, null, "replay:" + SHIPPED, null, null, null, null, null,
                        null), null, null);
        ChatModel model = ChatModels.create(config, TransportOptions.defaults());
        AgentFixture f = new AgentFixture(folder);
        Turn t = f.conversation(model, Conversation.DEFAULT_TURN_CAP).send(RecordAskCassette.SENTENCE, e -> { });
        assertThat(t.events()).extracting(ToolEvent::tool)
                .containsExactly("profile_dataset", "list_models", "validate_task", "start_study");
        assertThat(t.deferredStart()).isTrue();
        assertThat(t.task().name()).isEqualTo("rf-wine");
        assertThat(t.task().trials()).isEqualTo(20);
        assertThat(((InProcessJobSpec) t.task().job()).model()).isEqualTo("random-forest");
    }

    @Test
    void everyExchangeSaysItCameFromTheScriptedStandInAndHoldsTheToolTraffic() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(SHIPPED)) {
            files = s.filter(p -> p.getFileName().toString().matches("exchange-\\d{4}\\.json")).sorted().toList();
        }
        assertThat(files).as("ask's four exchanges, and the shell's answer to a no").hasSize(5);
        StringBuilder all = new StringBuilder();
        for (Path p : files) {
            JsonNode e = new ObjectMapper().readTree(p.toFile());
            assertThat(e.path("recorded_with").asText()).startsWith(ScriptedProviderServer.RECORDED_WITH)
                    .contains("not a model's judgement");
            all.append(e);
        }
        assertThat(all).contains("\"tool_calls\"").contains("\"role\":\"tool\"").contains("\"name\":\"start_study\"")
                .contains("valid. Normalized task");
    }

    @Test
    void recordingWritesToolCallsAndResultsIntoTheCassette() throws Exception {
        Path dir = folder.resolve("rec");
        try (ScriptedProviderServer server = ScriptedProviderServer.startWithReplies(RecordAskCassette::script)) {
            var config = new LlmConfigResolver(Map.of(), LlmConfigFile.none()).resolve(new LlmSpec(
                    RecordAskCassette.MODEL, server.openAiBaseUrl(), "record:" + dir, null, null, null, null, null, null),
                    null, null);
            new AgentFixture(folder).conversation(ChatModels.create(config, TransportOptions.defaults()), 12)
                    .send(RecordAskCassette.SENTENCE, e -> { });
        }
        String last = Files.readString(dir.resolve("exchange-0004.json"));
        assertThat(last).contains("profile_dataset").contains("cultivar").contains("list_models").contains("validate_task");
    }
}
