package dev.tuneagent.agent.llm.standin;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.tuneagent.agent.llm.ChatModels;
import dev.tuneagent.agent.llm.LlmConfigFile;
import dev.tuneagent.agent.llm.LlmConfigResolver;
import dev.tuneagent.agent.llm.TransportOptions;
import dev.tuneagent.core.task.LlmSpec;
import java.nio.file.Path;
import java.util.Map;

/**
 * Regenerates the sample cassettes in {@code agent/src/test/resources/cassettes/transport-sample/} that
 * {@code ShippedCassetteReplayTest} replays: one short exchange per provider, recorded against
 * {@link ScriptedProviderServer}. Run from the repository root with the agent test classpath:
 * {@code java -cp agent/target/test-classes:agent/target/classes:$(cat cp.txt) ...RecordSampleCassettes DIR}
 * (DIR must not exist yet or be empty: recording never appends to another session).
 */
public final class RecordSampleCassettes {
    private RecordSampleCassettes() {
    }

    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : "agent/src/test/resources/cassettes/transport-sample");
        String script = "answers {\"learning_rate\": 0.01, \"depth\": 4} to every request";
        try (ScriptedProviderServer server = ScriptedProviderServer.start(r -> "{\"learning_rate\": 0.01, \"depth\": 4}")) {
            record(server.openAiBaseUrl(), "openai:gpt-4o-mini", root.resolve("openai"), script);
            record(server.anthropicBaseUrl(), "anthropic:claude-3-5-haiku-latest", root.resolve("anthropic"), script);
            record(server.ollamaBaseUrl(), "ollama:llama3.1", root.resolve("ollama"), script);
        }
        System.out.println("recorded into " + root.toAbsolutePath());
    }

    private static void record(String baseUrl, String model, Path dir, String script) {
        var config = new LlmConfigResolver(Map.of("OPENAI_API_KEY", "sk-not-a-real-key-0000000000",
                "ANTHROPIC_API_KEY", "sk-ant-not-a-real-key-0000000000"), LlmConfigFile.none())
                .resolve(LlmSpec.builder().model(model).baseUrl(baseUrl).cassette("record:" + dir).temperature(0.0).build(),
                        null, null);
        ChatModel m = ChatModels.create(config, TransportOptions.defaults()
                .withRecordedWith(ScriptedProviderServer.recordedWith(script)));
        m.chat(SystemMessage.from("You propose hyperparameters as JSON."),
                UserMessage.from("Propose one configuration for a gradient-boosted tree."));
    }
}
