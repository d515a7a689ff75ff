package dev.tuneagent.agent.llm.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.langchain4j.data.message.UserMessage;
import dev.tuneagent.agent.llm.ChatModels;
import dev.tuneagent.agent.llm.TestConfigs;
import dev.tuneagent.agent.llm.TestConfigs.ManualClock;
import dev.tuneagent.agent.llm.TestConfigs.RecordingSleeper;
import dev.tuneagent.agent.llm.TransportOptions;
import dev.tuneagent.agent.llm.error.ProviderUnavailable;
import dev.tuneagent.agent.llm.standin.ScriptedProviderServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    private ScriptedProviderServer server;
    private final ManualClock clock = new ManualClock();
    private final java.util.List<Throwable> failedCalls = new java.util.ArrayList<>();
    private ResilientChatModel model;

    @BeforeEach
    void start() {
        server = ScriptedProviderServer.start(r -> "ok");
        TransportOptions options = TransportOptions.defaults().withClock(clock, new RecordingSleeper()).withSeed(1)
                .withRetry(RetryPolicy.none())
                .withBreaker(new CircuitBreaker.Policy(3, Duration.ofSeconds(60)))
                .withListener(new dev.langchain4j.model.chat.listener.ChatModelListener() {
                    @Override
                    public void onError(dev.langchain4j.model.chat.listener.ChatModelErrorContext c) {
                        failedCalls.add(c.error());
                    }
                });
        model = ChatModels.create(TestConfigs.resolve(TestConfigs.spec("openai:m", server.openAiBaseUrl(), null,
                Duration.ofSeconds(5)), Map.of("OPENAI_API_KEY", TestConfigs.PLANTED_KEY)), options);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private StubMapping providerDown() {
        return server.wireMock().stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(1)
                .willReturn(aResponse().withStatus(503).withBody("down")));
    }

    private void failThreeTimes() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> model.chat(UserMessage.from("hi")))
                    .isInstanceOf(ProviderUnavailable.class)
                    .matches(e -> !((ProviderUnavailable) e).circuitOpen());
        }
    }

    @Test
    void afterConsecutiveFailuresTheProviderIsNotCalledUntilTheCoolDownEnds() {
        providerDown();
        failThreeTimes();

        assertThatThrownBy(() -> model.chat(UserMessage.from("hi")))
                .isInstanceOf(ProviderUnavailable.class)
                .matches(e -> ((ProviderUnavailable) e).circuitOpen())
                .hasMessageContaining("3 consecutive failures")
                .hasMessageContaining("next try in about 60 s");
        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(model.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(failedCalls).hasSize(4);
    }

    @Test
    void aSuccessfulProbeAfterTheCoolDownClosesTheCircuit() {
        StubMapping down = providerDown();
        failThreeTimes();
        server.wireMock().removeStub(down);
        clock.advance(Duration.ofSeconds(61));

        assertThat(model.circuitState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(model.chat(UserMessage.from("hi")).aiMessage().text()).isEqualTo("ok");
        assertThat(model.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(server.requestCount()).isEqualTo(4);
    }

    @Test
    void aFailedProbeOpensTheCircuitForAnotherCoolDown() {
        providerDown();
        failThreeTimes();
        clock.advance(Duration.ofSeconds(61));

        assertThatThrownBy(() -> model.chat(UserMessage.from("hi")))
                .matches(e -> !((ProviderUnavailable) e).circuitOpen());
        assertThat(model.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> model.chat(UserMessage.from("hi")))
                .matches(e -> ((ProviderUnavailable) e).circuitOpen());
        assertThat(server.requestCount()).isEqualTo(4);
    }

    @Test
    void aSuccessResetsTheCountOfConsecutiveFailures() {
        StubMapping down = providerDown();
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> model.chat(UserMessage.from("hi"))).isInstanceOf(ProviderUnavailable.class);
        }
        server.wireMock().removeStub(down);
        model.chat(UserMessage.from("hi"));
        providerDown();
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> model.chat(UserMessage.from("hi"))).isInstanceOf(ProviderUnavailable.class);
        }

        assertThat(model.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aDeadProviderCostsOneRetryLoopThenFailsFastWithoutSleeping() {
        providerDown();
        RecordingSleeper sleeper = new RecordingSleeper();
        ResilientChatModel retrying = ChatModels.create(TestConfigs.resolve(TestConfigs.spec("openai:m",
                server.openAiBaseUrl(), null, Duration.ofSeconds(5)), Map.of("OPENAI_API_KEY", "sk-x-1234")),
                TransportOptions.defaults().withClock(clock, sleeper).withSeed(1)
                        .withBreaker(new CircuitBreaker.Policy(5, Duration.ofSeconds(60))));

        for (int call = 0; call < 10; call++) {
            assertThatThrownBy(() -> retrying.chat(UserMessage.from("hi"))).isInstanceOf(ProviderUnavailable.class);
        }

        assertThat(server.requestCount()).isEqualTo(5); // 4 attempts, then 1 more that opens the circuit
        assertThat(sleeper.waits).hasSize(3); // only the first call's backoff; no sleep before a refused retry
    }
}
