package dev.tuneagent.agent.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;

/**
 * One tool on the allow-list: what the model is told ({@code spec}, with its JSON schema) and the typed method
 * that runs it. The handler gets the parsed arguments and returns the text the model sees; it throws
 * {@link ToolRefusal} or a {@code ConfigException} for anything the model should correct.
 */
public record AgentTool(ToolSpecification spec, Handler handler) {

    @FunctionalInterface
    public interface Handler {
        String run(JsonNode arguments);
    }

    public String name() {
        return spec.name();
    }
}
