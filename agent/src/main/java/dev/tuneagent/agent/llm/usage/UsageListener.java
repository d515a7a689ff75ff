package dev.tuneagent.agent.llm.usage;

/**
 * Observes every chat call. Called on the caller's thread after the call; an exception thrown here is swallowed
 * (a listener observes, it cannot break a call).
 */
@FunctionalInterface
public interface UsageListener {
    UsageListener NONE = r -> { };

    void onCall(CallRecord record);
}
