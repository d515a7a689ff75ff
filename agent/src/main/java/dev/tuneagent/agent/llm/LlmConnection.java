package dev.tuneagent.agent.llm;

import dev.tuneagent.agent.llm.resilience.ResilientChatModel;

/**
 * A ready chat model and the settings it was built from (model name, prices, cassette mode), which the caller
 * needs for provenance and budgets.
 */
public record LlmConnection(ResolvedLlmConfig config, ResilientChatModel model) {
}
