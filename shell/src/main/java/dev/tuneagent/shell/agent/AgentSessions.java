package dev.tuneagent.shell.agent;

import dev.tuneagent.agent.conversation.AgentTasks;
import dev.tuneagent.agent.conversation.Conversation;
import dev.tuneagent.agent.conversation.StoreAccess;
import dev.tuneagent.agent.conversation.StudyGate;
import dev.tuneagent.agent.conversation.Workspace;
import dev.tuneagent.agent.llm.ChatModels;
import dev.tuneagent.agent.llm.LlmConfigResolver;
import dev.tuneagent.agent.llm.LlmConnection;
import dev.tuneagent.agent.llm.TransportOptions;
import dev.tuneagent.agent.llm.usage.UsageTotals;
import dev.tuneagent.agent.task.TaskLoader;
import dev.tuneagent.core.store.StorageLocation;
import dev.tuneagent.core.task.LlmSpec;
import dev.tuneagent.tools.data.Datasets;
import dev.tuneagent.tools.inprocess.InProcessCatalog;
import java.nio.file.Path;

/** Builds what {@code ask}, {@code shell} and {@code wizard} share: the model connection, the task checks, the conversation. */
public final class AgentSessions {
    private final TaskLoader loader;
    private final InProcessCatalog catalog;
    private final Datasets datasets;
    private final LlmConfigResolver resolver;
    private final TransportOptions options;

    public AgentSessions(TaskLoader loader, InProcessCatalog catalog, Datasets datasets, LlmConfigResolver resolver,
                         TransportOptions options) {
        this.loader = loader;
        this.catalog = catalog;
        this.datasets = datasets;
        this.resolver = resolver;
        this.options = options;
    }

    /** A model connection counted in {@code ledger}; throws a ConfigException that says how to configure one. */
    public LlmConnection connect(String model, String cassette, UsageTotals ledger) {
        LlmSpec cli = new LlmSpec(model, null, cassette, null, null, null, null, null, null);
        return ChatModels.connect(resolver, cli, null, here(), options.withListener(ledger));
    }

    public AgentTasks tasks() {
        return new AgentTasks(loader, new Workspace(here()));
    }

    public InProcessCatalog catalog() {
        return catalog;
    }

    public Conversation conversation(LlmConnection connection, StorageLocation storage, StudyGate gate) {
        return Conversation.create(connection.model(), tasks(), catalog, datasets, StoreAccess.of(storage), gate,
                Conversation.DEFAULT_TURN_CAP);
    }

    public TaskLoader loader() {
        return loader;
    }

    private static Path here() {
        return Path.of("").toAbsolutePath();
    }
}
