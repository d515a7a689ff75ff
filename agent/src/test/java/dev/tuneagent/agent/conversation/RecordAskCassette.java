package dev.tuneagent.agent.conversation;

import dev.langchain4j.model.chat.ChatModel;
import dev.tuneagent.agent.llm.ChatModels;
import dev.tuneagent.agent.llm.LlmConfigFile;
import dev.tuneagent.agent.llm.LlmConfigResolver;
import dev.tuneagent.agent.llm.TransportOptions;
import dev.tuneagent.agent.llm.standin.ScriptedProviderServer;
import dev.tuneagent.agent.llm.standin.ScriptedReply;
import dev.tuneagent.agent.llm.standin.ScriptedRequest;
import dev.tuneagent.core.task.LlmSpec;
import java.nio.file.Path;
import java.util.Map;

/**
 * Records the shipped tool-calling cassette {@code examples/cassettes/ask-wine} that {@code tune ask} replays with no
 * key (see README and {@code ShippedAskCassetteTest}). The "model" is {@link ScriptedProviderServer} following
 * {@link #script}: it makes the tool calls a good model would make for {@link #SENTENCE}; it is not a model's
 * judgement, and each exchange's {@code recorded_with} says so. Re-record after changing the system prompt, a tool's
 * description or schema, or a tool's result for wine: from the repository root, with the agent test class path,
 * {@code java ... RecordAskCassette examples/cassettes/ask-wine} (the directory must be empty or absent).
 */
public final class RecordAskCassette {
    public static final String SENTENCE = "tune a random forest on the wine data set, 20 trials";
    public static final String MODEL = "openai:stand-in";
    static final String TASK = "{\"task\": {\"name\": \"rf-wine\", \"objective\": {\"metric\": \"accuracy\", "
            + "\"direction\": \"maximize\"}, \"job\": {\"type\": \"inprocess\", \"dataset\": \"wine\", \"model\": "
            + "\"random-forest\", \"folds\": 5}, \"budget\": {\"trials\": 20}}}";
    static final String DESCRIPTION = "for the sentence \"" + SENTENCE + "\" it calls profile_dataset(wine), "
            + "list_models(classification), validate_task and start_study with a 20-trial random forest task; when the "
            + "person declines (as recorded here, in the shell) it asks what to change. A fixed script replaying the "
            + "calls a capable model makes, not a model's judgement.";

    private RecordAskCassette() {
    }

    static ScriptedReply script(ScriptedRequest r) {
        return switch ((int) r.toolResults()) {
            case 0 -> ScriptedReply.call("profile_dataset", "{\"name\": \"wine\"}");
            case 1 -> ScriptedReply.call("list_models", "{\"task\": \"classification\"}");
            case 2 -> ScriptedReply.call("validate_task", TASK);
            case 3 -> ScriptedReply.call("start_study", TASK);
            default -> ScriptedReply.text(r.lastToolResult().startsWith("not started")
                    ? "Nothing was started. What should change: another model, more or fewer trials, other folds?"
                    : "The study rf-wine tunes a random forest on wine (5-fold CV accuracy, 20 trials).");
        };
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "examples/cassettes/ask-wine").toAbsolutePath();
        try (ScriptedProviderServer server = ScriptedProviderServer.startWithReplies(RecordAskCassette::script)) {
            var config = new LlmConfigResolver(Map.of(), LlmConfigFile.none())
                    .resolve(new LlmSpec(MODEL, server.openAiBaseUrl(), "record:" + dir, null, null, null, null, null,
                            null), null, null);
            ChatModel model = ChatModels.create(config, TransportOptions.defaults()
                    .withRecordedWith(ScriptedProviderServer.recordedWith(DESCRIPTION)));
            AgentFixture f = new AgentFixture(Path.of("").toAbsolutePath());
            // The shell's answer to "no" (ShellGate); tune ask defers instead and replays the first four exchanges.
            f.answer = new StudyGate.Declined("the user said no; ask what to change");
            Turn t = f.conversation(model, Conversation.DEFAULT_TURN_CAP).send(SENTENCE,
                    e -> System.out.println(e.tool() + " " + e.arguments() + " -> " + e.result().lines().findFirst().orElse("")));
            System.out.println("task " + t.task().name() + ", reply " + t.reply());
        }
        System.out.println("recorded into " + dir);
    }
}
