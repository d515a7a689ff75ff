package dev.tuneagent.prompts.history;

/**
 * How much history a prompt may carry, in characters of serialized rows. Tokens are estimated as
 * characters / 4, the usual rule of thumb for English and numbers with BPE tokenizers.
 */
public record HistoryBudget(int maxChars) {
    public static final int CHARS_PER_TOKEN = 4;

    public HistoryBudget {
        if (maxChars < 1) {
            throw new IllegalArgumentException("a history budget needs at least 1 character, got " + maxChars);
        }
    }

    public static HistoryBudget unlimited() {
        return new HistoryBudget(Integer.MAX_VALUE);
    }

    public static HistoryBudget tokens(int maxTokens) {
        return new HistoryBudget((int) Math.min(Integer.MAX_VALUE, (long) maxTokens * CHARS_PER_TOKEN));
    }

    /** Half the budget, what a context-length error asks for. */
    public HistoryBudget halved() {
        return new HistoryBudget(Math.max(1, maxChars / 2));
    }

    public static long estimateTokens(String text) {
        return (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }
}
