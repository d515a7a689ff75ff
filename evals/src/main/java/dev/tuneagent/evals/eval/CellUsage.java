package dev.tuneagent.evals.eval;

import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.tuneagent.agent.llm.usage.Prices;
import dev.tuneagent.agent.llm.usage.Usage;
import java.util.Optional;

/**
 * One cell's model calls, tokens and estimated cost, observed as a LangChain4j listener on the cell's models
 * (after retries, one per logical call). The cost is null when a call was answered but its price is unknown.
 */
final class CellUsage implements ChatModelListener {
    /** Totals of one cell; {@code costUsd} is null when some answered call had no known price. */
    record Totals(int calls, long totalTokens, Double costUsd) {
    }

    private final Optional<Prices> prices;
    private int calls;
    private long tokens;
    private double cost;
    private boolean costComplete = true;

    CellUsage(Optional<Prices> prices) {
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

    synchronized Totals totals() {
        return new Totals(calls, tokens, costComplete ? cost : null);
    }
}
