package dev.tuneagent.agent.llm.usage;

/**
 * Running totals for one study, so the loop can stop calling the model once a token or cost cap is reached (the
 * proposer enforces the cap; this only counts). Thread-safe.
 */
public final class UsageLedger implements UsageListener {

    /**
     * @param costUsd     summed estimated cost of the calls with known prices
     * @param costComplete false if any successful call had unknown prices (then {@code costUsd} is a lower bound)
     */
    public record Totals(int calls, int failedCalls, long inputTokens, long outputTokens, double costUsd,
                         boolean costComplete) {
        public long totalTokens() {
            return inputTokens + outputTokens;
        }
    }

    private int calls;
    private int failed;
    private long input;
    private long output;
    private double cost;
    private boolean costComplete = true;

    @Override
    public synchronized void onCall(CallRecord r) {
        calls++;
        if (!r.succeeded()) {
            failed++;
        }
        input += r.usage().inputTokens();
        output += r.usage().outputTokens();
        if (r.costUsd() != null) {
            cost += r.costUsd();
        } else if (r.succeeded()) {
            costComplete = false;
        }
    }

    public synchronized Totals totals() {
        return new Totals(calls, failed, input, output, cost, costComplete);
    }

    /** True when another call would go past {@code maxTokens} or {@code maxCostUsd} (either may be null: no cap). */
    public synchronized boolean capReached(Long maxTokens, Double maxCostUsd) {
        return (maxTokens != null && input + output >= maxTokens) || (maxCostUsd != null && cost >= maxCostUsd);
    }
}
