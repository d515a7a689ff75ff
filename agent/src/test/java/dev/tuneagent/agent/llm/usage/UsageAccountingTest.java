package dev.tuneagent.agent.llm.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.tuneagent.agent.llm.ChatModels;
import dev.tuneagent.agent.llm.TestConfigs;
import dev.tuneagent.agent.llm.TransportOptions;
import dev.tuneagent.agent.llm.standin.ScriptedProviderServer;
import dev.tuneagent.core.task.LlmSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-call records come from LangChain4j's own listeners, which the resilient model serves through {@code doChat}. */
class UsageAccountingTest {

    /** Collects what a LangChain4j listener sees of each logical call. */
    static final class Collecting implements ChatModelListener {
        final List<String> requestedModels = new ArrayList<>();
        final List<Usage> usages = new ArrayList<>();
        final List<Throwable> errors = new ArrayList<>();

        @Override
        public void onRequest(ChatModelRequestContext c) {
            requestedModels.add(c.chatRequest().parameters().modelName());
        }

        @Override
        public void onResponse(ChatModelResponseContext c) {
            usages.add(Usage.of(c.chatResponse()));
        }

        @Override
        public void onError(ChatModelErrorContext c) {
            errors.add(c.error());
        }
    }

    @Test
    void listenersSeeEachCallWithTheModelsDefaultParametersAndTheProvidersTokenCounts() {
        Collecting listener = new Collecting();
        Prices prices = new Prices(2.0, 10.0, "test");
        try (ScriptedProviderServer server = ScriptedProviderServer.start(r -> "12345678")) { // 2 tokens
            LlmSpec spec = LlmSpec.builder().model("openai:m").baseUrl(server.openAiBaseUrl()).timeout(Duration.ofSeconds(5))
                    .prices(2.0, 10.0).build();
            var model = ChatModels.create(TestConfigs.resolve(spec, Map.of("OPENAI_API_KEY", "sk-x-1234")),
                    TransportOptions.defaults().withListener(listener));
            model.chat(UserMessage.from("abcdefghijkl")); // 12 chars: 3 prompt tokens
            model.chat(UserMessage.from("abcd"));
        }

        // The request the listener saw already carries the model's default parameters (its name).
        assertThat(listener.requestedModels).containsExactly("m", "m");
        assertThat(listener.usages).containsExactly(new Usage(3, 2, true), new Usage(1, 2, true));
        assertThat(prices.cost(listener.usages.get(0))).isCloseTo((3 * 2.0 + 2 * 10.0) / 1e6, within(1e-12));
        assertThat(listener.errors).isEmpty();
    }

    @Test
    void aFailedCallReachesTheListenerOnceAfterItsRetries() {
        Collecting listener = new Collecting();
        try (ScriptedProviderServer server = ScriptedProviderServer.start(r -> "unused")) {
            server.wireMock().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                    com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/v1/chat/completions")).atPriority(1)
                    .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503)));
            var model = ChatModels.create(TestConfigs.resolve(TestConfigs.spec("openai:m", server.openAiBaseUrl(), null,
                    Duration.ofSeconds(5)), Map.of("OPENAI_API_KEY", "sk-x-1234")), TransportOptions.defaults()
                    .withClock(new TestConfigs.ManualClock(), new TestConfigs.RecordingSleeper())
                    .withListener(listener));
            try {
                model.chat(UserMessage.from("hi"));
            } catch (RuntimeException expected) {
                // the provider is down
            }
        }
        assertThat(listener.requestedModels).hasSize(1);
        assertThat(listener.errors).singleElement().extracting(Throwable::getMessage).asString().contains("503");
    }

    @Test
    void anUnknownPriceMakesTheCostUnknownNotZero() {
        var config = TestConfigs.resolve(TestConfigs.spec("openai:new", null, null, Duration.ofSeconds(5)),
                Map.of("OPENAI_API_KEY", "sk-x-1234"));
        assertThat(config.knownPrices()).isEmpty();
    }

    @Test
    void aThrowingListenerCannotBreakACall() {
        try (ScriptedProviderServer server = ScriptedProviderServer.start(r -> "fine")) {
            var model = ChatModels.create(TestConfigs.resolve(TestConfigs.spec("ollama:m", server.ollamaBaseUrl(), null,
                    Duration.ofSeconds(5)), Map.of()), TransportOptions.defaults().withListener(new ChatModelListener() {
                        @Override
                        public void onResponse(ChatModelResponseContext c) {
                            throw new IllegalStateException("listener bug");
                        }
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
