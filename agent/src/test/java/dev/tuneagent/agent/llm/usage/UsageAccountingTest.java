package dev.tuneagent.agent.llm.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.data.message.UserMessage;
import dev.tuneagent.agent.llm.ChatModels;
import dev.tuneagent.agent.llm.TestConfigs;
import dev.tuneagent.agent.llm.TransportOptions;
import dev.tuneagent.agent.llm.standin.ScriptedProviderServer;
import dev.tuneagent.core.task.LlmSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsageAccountingTest {

    @Test
    void eachCallReportsTheProvidersTokenCountsAndTheirCost() {
        List<CallRecord> records = new ArrayList<>();
        UsageLedger ledger = new UsageLedger();
        try (ScriptedProviderServer server = ScriptedProviderServer.start(r -> "12345678")) { // 2 tokens
            LlmSpec spec = LlmSpec.builder().model("openai:m").baseUrl(server.openAiBaseUrl()).timeout(Duration.ofSeconds(5))
                    .prices(2.0, 10.0).build();
            var model = ChatModels.create(TestConfigs.resolve(spec, Map.of("OPENAI_API_KEY", "sk-x-1234")),
                    TransportOptions.defaults().withListener(r -> {
                        records.add(r);
                        ledger.onCall(r);
                    }));
            model.chat(UserMessage.from("abcdefghijkl")); // 12 chars: 3 prompt tokens
            model.chat(UserMessage.from("abcd"));
        }

        assertThat(records).extracting(CallRecord::usage)
                .containsExactly(new Usage(3, 2, true), new Usage(1, 2, true));
        assertThat(records.get(0).costUsd()).isCloseTo((3 * 2.0 + 2 * 10.0) / 1e6, within(1e-12));
        UsageLedger.Totals t = ledger.totals();
        assertThat(t.calls()).isEqualTo(2);
        assertThat(t.totalTokens()).isEqualTo(8);
        assertThat(t.costUsd()).isCloseTo((4 * 2.0 + 4 * 10.0) / 1e6, within(1e-12));
        assertThat(t.costComplete()).isTrue();
        assertThat(ledger.capReached(8L, null)).isTrue();
        assertThat(ledger.capReached(9L, null)).isFalse();
    }

    @Test
    void anUnknownPriceMakesTheCostUnknownNotZero() {
        UsageLedger ledger = new UsageLedger();
        ledger.onCall(new CallRecord("openai:new", new Usage(100, 50, true), null, 1, null, Instant.EPOCH));

        assertThat(ledger.totals().costComplete()).isFalse();
        assertThat(ledger.totals().totalTokens()).isEqualTo(150);
        assertThat(ledger.capReached(null, 0.0)).isTrue(); // cost 0 >= cap 0; a cap of 0 means "no spending"
    }

    @Test
    void aThrowingListenerCannotBreakACall() {
        try (ScriptedProviderServer server = ScriptedProviderServer.start(r -> "fine")) {
            var model = ChatModels.create(TestConfigs.resolve(TestConfigs.spec("ollama:m", server.ollamaBaseUrl(), null,
                    Duration.ofSeconds(5)), Map.of()), TransportOptions.defaults().withListener(r -> {
                        throw new IllegalStateException("listener bug");
                    }));
            assertThat(model.chat(UserMessage.from("hi")).aiMessage().text()).isEqualTo("fine");
        }
    }

    @Test
    void builtInPricesAreLabelledAsListPricesWithADate() {
        Prices p = PriceTable.lookup(dev.tuneagent.agent.llm.ModelRef.parse("openai:gpt-4o-mini", "t")).orElseThrow();
        assertThat(p.source()).contains("list prices as published in 2025");
        assertThat(PriceTable.lookup(dev.tuneagent.agent.llm.ModelRef.parse("openai:unknown", "t"))).isEmpty();
    }
}
