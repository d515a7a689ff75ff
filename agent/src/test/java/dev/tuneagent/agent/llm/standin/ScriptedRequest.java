package dev.tuneagent.agent.llm.standin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a script sees of one request to the stand-in server.
 *
 * @param wire      which provider's API was called
 * @param model     the requested model name
 * @param messages  the conversation, system prompt first when there is one
 * @param body      the whole request JSON, for scripts that need more (temperature, response_format...)
 * @param callIndex 0 for the first request this server answered, then 1, 2, ...
 */
public record ScriptedRequest(Wire wire, String model, List<Message> messages, JsonNode body, int callIndex) {

    public enum Wire { OPENAI, ANTHROPIC, OLLAMA }

    public record Message(String role, String content) {
    }

    /** The text of the last tool result ("" when none): role "tool" for OpenAI, a tool_result block for Anthropic. */
    public String lastToolResult() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("tool")) {
                return messages.get(i).content();
            }
        }
        return "";
    }

    /** How many tool results the conversation holds so far. */
    public long toolResults() {
        return messages.stream().filter(m -> m.role().equals("tool")).count();
    }

    /** The text of the last user message, which is where our prompts put the question. */
    public String lastUserText() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("user")) {
                return messages.get(i).content();
            }
        }
        return "";
    }
}
