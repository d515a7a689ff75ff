package dev.tuneagent.agent.llm.resilience;

import java.time.Duration;

/** How the retry loop waits; tests inject one that records the waits and returns at once. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
