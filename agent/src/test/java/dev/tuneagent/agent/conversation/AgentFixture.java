package dev.tuneagent.agent.conversation;

import dev.langchain4j.model.chat.ChatModel;
import dev.tuneagent.agent.llm.ChatModels;
import dev.tuneagent.agent.llm.TestConfigs;
import dev.tuneagent.agent.llm.TransportOptions;
import dev.tuneagent.agent.llm.standin.ScriptedProviderServer;
import dev.tuneagent.agent.proposers.ProposerFactory;
import dev.tuneagent.agent.task.TaskLoader;
import dev.tuneagent.agent.task.ToolsJobCatalog;
import dev.tuneagent.core.store.InMemoryStudyStore;
import dev.tuneagent.core.task.TaskSpec;
import dev.tuneagent.tools.data.Datasets;
import dev.tuneagent.tools.inprocess.InProcessCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A conversation over the scripted stand-in, a temporary folder and an in-memory store; the gate only records. */
final class AgentFixture {
    static final Datasets DATASETS = new Datasets();
    static final InProcessCatalog CATALOG = new InProcessCatalog(DATASETS);

    final InMemoryStudyStore store = new InMemoryStudyStore();
    final List<TaskSpec> gateCalls = new ArrayList<>();
    final Workspace workspace;
    final AgentTasks tasks;
    StudyGate.Decision answer = new StudyGate.Deferred("the task is saved; the user starts it");

    AgentFixture(Path folder) {
        workspace = new Workspace(folder);
        TaskLoader loader = new TaskLoader(ProposerFactory.classical(), new ToolsJobCatalog(CATALOG));
        tasks = new AgentTasks(loader, workspace);
    }

    static ChatModel model(String provider, ScriptedProviderServer server, String cassette) {
        String base = provider.equals("anthropic") ? server.anthropicBaseUrl() : server.openAiBaseUrl();
        String name = provider.equals("anthropic") ? "anthropic:claude-3-5-haiku-latest" : "openai:gpt-4o-mini";
        return ChatModels.create(TestConfigs.resolve(TestConfigs.spec(name, base, cassette, Duration.ofSeconds(10)),
                Map.of("OPENAI_API_KEY", TestConfigs.PLANTED_KEY, "ANTHROPIC_API_KEY", TestConfigs.PLANTED_KEY)),
                TransportOptions.defaults().withRecordedWith(ScriptedProviderServer.recordedWith("agent test")));
    }

    Conversation conversation(ChatModel model, int cap) {
        return Conversation.create(model, tasks, CATALOG, DATASETS, StoreAccess.shared(store), (task, yaml) -> {
            gateCalls.add(task);
            return answer;
        }, cap);
    }
}
