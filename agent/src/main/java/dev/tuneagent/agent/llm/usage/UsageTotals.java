package dev.tuneagent.agent.llm.usage;

import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import java.util.Optional;

/**
 * Model calls, tokens and estimated cost observed as a LangChain4j listener (after retries: one per logical call),
 * for what a command reports: an eval cell's usage, {@code ask}'s summary line. The study's caps are enforced
 * elsewhere (the LLM session); this only counts. The cost is null when a call was answered but its price is unknown.
 */
public final class UsageTotals implements ChatModelListener {
    /** The counts so far; {@code costUsd} is null when some answered call had no known price. */
    public record Totals(int calls, long totalTokens, Double costUsd) {
    }

    private final Optional<Prices> prices;
    private int calls;
    private long tokens;
    private double cost;
    private boolean costComplete = true;

    public UsageTotals(Optional<Prices> prices) {
        this.prices = prices;
    }

    @Override
    public synchronized void onResponse(ChatModelResponseContext context) {
        calls++;
        Usage u = Usage.of(context.chatResponse());
        tokens += u.totalTokens();
        if (prices.isPresent() && u.reported()) {
            cost += prices.get().cost(u);
        } else {
            costComplete = false;
        }
    }

    @Override
    public synchronized void onError(ChatModelErrorContext context) {
        calls++;
    }

    public synchronized Totals totals() {
        return new Totals(calls, tokens, costComplete ? cost : null);
    }
}
