package dev.tuneagent.agent.llm.usage;

import java.time.Instant;

/**
 * One logical chat call (after its retries).
 *
 * @param model    {@code provider:name}
 * @param usage    tokens the provider reported (zero for a failed call)
 * @param costUsd  estimated cost in US dollars, or null when the model's prices are unknown
 * @param attempts HTTP attempts made (0 when the circuit breaker refused the call)
 * @param failure  null on success, else a short reason without secrets
 */
public record CallRecord(String model, Usage usage, Double costUsd, int attempts, String failure, Instant at) {

    public boolean succeeded() {
        return failure == null;
    }
}
