package dev.tuneagent.prompts.llambo;

import dev.tuneagent.prompts.card.ContextLevel;
import dev.tuneagent.prompts.history.HistoryBudget;
import dev.tuneagent.prompts.parse.ReplyFormat;

/** The knobs every LLAMBO prompt shares: how much task context, which reply format, how much history. */
public record PromptSettings(ContextLevel context, ReplyFormat format, HistoryBudget budget) {
    public PromptSettings {
        if (context == null || format == null || budget == null) {
            throw new IllegalArgumentException("prompt settings need a context level, a reply format and a budget");
        }
    }

    public static PromptSettings defaults() {
        return new PromptSettings(ContextLevel.FULL, ReplyFormat.DELIMITED, HistoryBudget.tokens(6000));
    }

    public PromptSettings withBudget(HistoryBudget b) {
        return new PromptSettings(context, format, b);
    }
}
