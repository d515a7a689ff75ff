package dev.tuneagent.agent.llm.usage;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

/**
 * Tokens one call consumed, as the provider reported them. A provider that reports nothing counts as zero and
 * {@link #reported()} says so.
 */
public record Usage(long inputTokens, long outputTokens, boolean reported) {

    public static final Usage NONE = new Usage(0, 0, true);

    public Usage {
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts must be >= 0");
        }
    }

    public long totalTokens() {
        return inputTokens + outputTokens;
    }

    public Usage plus(Usage o) {
        return new Usage(inputTokens + o.inputTokens, outputTokens + o.outputTokens, reported && o.reported);
    }

    public static Usage of(ChatResponse response) {
        TokenUsage t = response == null ? null : response.tokenUsage();
        if (t == null || (t.inputTokenCount() == null && t.outputTokenCount() == null)) {
            return new Usage(0, 0, false);
        }
        return new Usage(nz(t.inputTokenCount()), nz(t.outputTokenCount()), true);
    }

    private static long nz(Integer i) {
        return i == null ? 0 : i;
    }
}
