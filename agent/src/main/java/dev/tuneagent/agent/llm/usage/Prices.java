package dev.tuneagent.agent.llm.usage;

/**
 * US dollars per million tokens.
 *
 * @param source where the numbers come from (the config file, the task, or the built-in list with its date), so
 *               a report can say how much to trust the cost
 */
public record Prices(double inputPerM, double outputPerM, String source) {

    public Prices {
        if (!(inputPerM >= 0) || !(outputPerM >= 0) || Double.isInfinite(inputPerM) || Double.isInfinite(outputPerM)) {
            throw new IllegalArgumentException("prices must be finite and >= 0, got " + inputPerM + "/" + outputPerM);
        }
    }

    public double cost(Usage usage) {
        return (usage.inputTokens() * inputPerM + usage.outputTokens() * outputPerM) / 1_000_000.0;
    }
}
