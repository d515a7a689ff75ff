package dev.tuneagent.agent.conversation;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.tuneagent.core.task.TaskSpec;
import dev.tuneagent.tools.data.Datasets;
import dev.tuneagent.tools.inprocess.InProcessCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One conversation with the model: the user's messages, the model's tool calls and their results, kept across turns
 * (so "use 5 folds" refers to the task built before). A hand-rolled loop rather than AiServices, because it must cap
 * the model calls per turn, end the turn when a start is deferred, and hand every tool event to the caller as it
 * happens. The model is the usual {@link ChatModel} stack (retries, circuit breaker, cassettes, usage accounting).
 */
public final class Conversation {
    /** Model calls per user message; a model that keeps calling tools is stopped here. */
    public static final int DEFAULT_TURN_CAP = 12;
    public static final String PROMPT_VERSION = "v1";

    private final ChatModel model;
    private final ToolBox tools;
    private final int turnCap;
    private final SystemMessage system;
    private final List<ChatMessage> history = new ArrayList<>();
    private TaskSpec lastValid;
    private StudyGate.Decision decision;

    private Conversation(ChatModel model, ToolBox tools, int turnCap) {
        this.model = model;
        this.tools = tools;
        this.turnCap = turnCap;
        this.system = SystemMessage.from(systemPrompt());
    }

    /** A conversation whose tools are the allow-list: data, models, tasks and study questions. */
    public static Conversation create(ChatModel model, AgentTasks tasks, InProcessCatalog catalog, Datasets datasets,
                                      StoreAccess store, StudyGate gate, int turnCap) {
        if (turnCap < 1) {
            throw new IllegalArgumentException("turn cap must be >= 1");
        }
        Conversation[] self = new Conversation[1];
        List<AgentTool> list = new ArrayList<>(new DataTools(catalog, datasets, tasks.workspace()).tools());
        list.addAll(new TaskTools(tasks, gate, t -> self[0].lastValid = t, d -> self[0].decision = d).tools());
        list.addAll(new StudyTools(store).tools());
        self[0] = new Conversation(model, new ToolBox(list), turnCap);
        return self[0];
    }

    public List<String> toolNames() {
        return tools.names();
    }

    /** Sends one user message and runs the model's tool calls until it answers, defers a start, or hits the cap. */
    public Turn send(String text, Consumer<ToolEvent> onEvent) {
        history.add(UserMessage.from(text));
        decision = null;
        List<ToolEvent> events = new ArrayList<>();
        for (int call = 1; call <= turnCap; call++) {
            List<ChatMessage> messages = new ArrayList<>(history.size() + 1);
            messages.add(system);
            messages.addAll(history);
            AiMessage ai = model.chat(ChatRequest.builder().messages(messages)
                    .toolSpecifications(tools.specifications()).build()).aiMessage();
            history.add(ai);
            if (!ai.hasToolExecutionRequests()) {
                return new Turn(ai.text(), events, lastValid, decision, false);
            }
            for (ToolExecutionRequest request : ai.toolExecutionRequests()) {
                ToolEvent event = tools.execute(request);
                events.add(event);
                onEvent.accept(event);
                history.add(ToolExecutionResultMessage.from(request, event.result()));
            }
            if (decision instanceof StudyGate.Deferred) {
                return new Turn(ai.text(), events, lastValid, decision, false);
            }
        }
        return new Turn(null, events, lastValid, decision, true);
    }

    public int turnCap() {
        return turnCap;
    }

    static String systemPrompt() {
        String name = "system-" + PROMPT_VERSION + ".txt";
        try (InputStream in = Conversation.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
