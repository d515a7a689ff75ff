package dev.tuneagent.prompts.history;

/** LLAMBO writes history rows one way for the sampler (score first) and another for the surrogate. */
public enum RowStyle {
    /** {@code Performance: s} then {@code Hyperparameter configuration: ## a: 1, b: 2 ##}. */
    SAMPLER,
    /** {@code Hyperparameter configuration: a is 1, b is 2} then {@code Performance: ## s ##}. */
    SURROGATE
}
