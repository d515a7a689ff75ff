package dev.tuneagent.agent.llambo;

/**
 * The study's token or cost cap is reached: no further call is made in this proposal (a typed failure, so callers
 * stop asking without reading the reason's text).
 */
public final class BudgetExhausted extends LlmFailure {
    private static final long serialVersionUID = 1L;

    public BudgetExhausted(String reason) {
        super(reason, null);
    }
}
