package dev.tuneagent.agent.llm.standin;

import java.util.List;

/**
 * What the stand-in answers: text, or tool calls (OpenAI {@code tool_calls}, Anthropic {@code tool_use} blocks).
 *
 * @param text  the reply text (may be null when there are tool calls)
 * @param calls the tool calls, each with its arguments as a JSON object text
 */
public record ScriptedReply(String text, List<ToolCall> calls) {

    public record ToolCall(String name, String argumentsJson) {
    }

    public ScriptedReply {
        calls = List.copyOf(calls);
    }

    public static ScriptedReply text(String text) {
        return new ScriptedReply(text, List.of());
    }

    public static ScriptedReply call(String name, String argumentsJson) {
        return new ScriptedReply(null, List.of(new ToolCall(name, argumentsJson)));
    }

    public boolean hasCalls() {
        return !calls.isEmpty();
    }
}
