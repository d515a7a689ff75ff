package dev.tuneagent.agent.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.tuneagent.core.config.ConfigException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The allow-list. A call to a tool not on it, arguments that are not a JSON object, a refusal or an exception all
 * become a result text for the model: the conversation goes on, and the model can correct itself.
 */
public final class ToolBox {
    private static final System.Logger LOG = System.getLogger("dev.tuneagent.agent.conversation");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, AgentTool> tools = new LinkedHashMap<>();

    public ToolBox(List<AgentTool> tools) {
        tools.forEach(t -> this.tools.put(t.name(), t));
    }

    public List<ToolSpecification> specifications() {
        return tools.values().stream().map(AgentTool::spec).toList();
    }

    public List<String> names() {
        return List.copyOf(tools.keySet());
    }

    public ToolEvent execute(ToolExecutionRequest call) {
        String name = call.name();
        String args = call.arguments() == null || call.arguments().isBlank() ? "{}" : call.arguments();
        ToolEvent event = run(name, args);
        // Every call goes to the log in full (and, through the transport, to the cassette when recording).
        LOG.log(System.Logger.Level.INFO, "tool call {0} {1} -> {2}{3}", name, args, event.refused() ? "REFUSED " : "",
                event.result());
        return event;
    }

    private ToolEvent run(String name, String args) {
        AgentTool tool = tools.get(name);
        if (tool == null) {
            return new ToolEvent(name, args, "error: there is no tool named \"" + name + "\"; the tools are "
                    + String.join(", ", tools.keySet()), true);
        }
        JsonNode parsed;
        try {
            parsed = JSON.readTree(args);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new ToolEvent(name, args, "error: the arguments of " + name + " are not valid JSON: "
                    + e.getOriginalMessage(), true);
        }
        if (parsed == null || !parsed.isObject()) {
            return new ToolEvent(name, args, "error: the arguments of " + name + " must be a JSON object", true);
        }
        try {
            return new ToolEvent(name, args, tool.handler().run(parsed), false);
        } catch (ToolRefusal r) {
            return new ToolEvent(name, args, "error: " + r.getMessage(), true);
        } catch (ConfigException c) {
            return new ToolEvent(name, args, "error: " + c.getMessage(), true);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "tool " + name + " failed", e);
            return new ToolEvent(name, args, "error: " + name + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), true);
        }
    }
}
