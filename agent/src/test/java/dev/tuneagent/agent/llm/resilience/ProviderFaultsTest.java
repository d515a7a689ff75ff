package dev.tuneagent.agent.llm.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.langchain4j.data.message.UserMessage;
import dev.tuneagent.agent.llm.ChatModels;
import dev.tuneagent.agent.llm.TestConfigs;
import dev.tuneagent.agent.llm.TestConfigs.ManualClock;
import dev.tuneagent.agent.llm.TestConfigs.RecordingSleeper;
import dev.tuneagent.agent.llm.TransportOptions;
import dev.tuneagent.agent.llm.error.ContextLengthExceeded;
import dev.tuneagent.agent.llm.error.MalformedResponse;
import dev.tuneagent.agent.llm.error.ProviderRejected;
import dev.tuneagent.agent.llm.error.ProviderUnavailable;
import dev.tuneagent.agent.llm.standin.ScriptedProviderServer;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every transport fault against a real HTTP server on 127.0.0.1; waits go through a recording sleeper. */
class ProviderFaultsTest {
    private static final String CHAT = "/v1/chat/completions";
    private ScriptedProviderServer server;
    private final ManualClock clock = new ManualClock();
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @BeforeEach
    void start() {
        server = ScriptedProviderServer.start(r -> "{\"x\": 0.25}");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ResilientChatModel model(String provider, Duration timeout, TransportOptions options) {
        String base = provider.equals("anthropic") ? server.anthropicBaseUrl() : server.openAiBaseUrl();
        return ChatModels.create(TestConfigs.resolve(TestConfigs.spec(provider + ":m", base, null, timeout),
                Map.of("OPENAI_API_KEY", TestConfigs.PLANTED_KEY, "ANTHROPIC_API_KEY", TestConfigs.PLANTED_KEY)),
                options);
    }

    private ResilientChatModel openAi() {
        return model("openai", Duration.ofSeconds(5), TestConfigs.fastOptions(clock, sleeper));
    }

    /** The first request gets {@code failure}; later ones reach the scripted stand-in. */
    private void failOnce(String path, ResponseDefinitionBuilder failure) {
        server.wireMock().stubFor(post(urlPathEqualTo(path)).atPriority(1).inScenario("once")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(failure).willSetStateTo("recovered"));
    }

    private MappingBuilder always(String path, ResponseDefinitionBuilder failure) {
        MappingBuilder m = post(urlPathEqualTo(path)).atPriority(1).willReturn(failure);
        server.wireMock().stubFor(m);
        return m;
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String openAiError(String message, String type, String code) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":"
                + (code == null ? "null" : "\"" + code + "\"") + "}}";
    }

    @Test
    void aRateLimitIsRetriedAfterTheSecondsTheProviderAskedFor() {
        failOnce(CHAT, json(429, openAiError("Rate limit reached", "requests", "rate_limit_exceeded"))
                .withHeader("Retry-After", "7"));

        String text = openAi().chat(UserMessage.from("hi")).aiMessage().text();

        assertThat(text).isEqualTo("{\"x\": 0.25}");
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7));
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void aRetryAfterGivenAsAnHttpDateIsHonoured() {
        String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().plusSeconds(12).atZone(ZoneOffset.UTC));
        failOnce(CHAT, json(429, openAiError("Rate limit reached", "requests", null)).withHeader("Retry-After", at));

        openAi().chat(UserMessage.from("hi"));

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void aRetryAfterLongerThanTheCapGivesUpAtOnceInsteadOfBlockingTheStudy() {
        always(CHAT, json(429, openAiError("quota", "requests", null)).withHeader("Retry-After", "3600"));

        assertThatThrownBy(() -> openAi().chat(UserMessage.from("hi")))
                .isInstanceOf(ProviderUnavailable.class)
                .hasMessageContaining("asked us to wait 3600 s");
        assertThat(sleeper.waits).isEmpty();
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void serverErrorsAreRetriedWithGrowingJitteredBackoffThenReportedAsUnavailable() {
        always(CHAT, json(500, openAiError("The server had an error", "server_error", null)));

        assertThatThrownBy(() -> openAi().chat(UserMessage.from("hi")))
                .isInstanceOf(ProviderUnavailable.class)
                .hasMessageContaining("HTTP 500")
                .hasMessageContaining("gave up after 4 attempts");
        assertThat(server.requestCount()).isEqualTo(4);
        assertThat(sleeper.waits).hasSize(3);
        long[] base = {1000, 2000, 4000};
        for (int i = 0; i < 3; i++) {
            assertThat(sleeper.waits.get(i).toMillis()).isBetween(base[i] * 8 / 10, base[i] * 12 / 10);
        }
    }

    @Test
    void theSameSeedGivesTheSameBackoffSequence() {
        always(CHAT, json(503, "overloaded"));
        RecordingSleeper other = new RecordingSleeper();
        assertThatThrownBy(() -> openAi().chat(UserMessage.from("hi"))).isInstanceOf(ProviderUnavailable.class);
        assertThatThrownBy(() -> model("openai", Duration.ofSeconds(5), TestConfigs.fastOptions(new ManualClock(), other))
                .chat(UserMessage.from("hi"))).isInstanceOf(ProviderUnavailable.class);
        assertThat(other.waits).isEqualTo(sleeper.waits);
    }

    @Test
    void aServiceUnavailableAnswerIsRetriedAndTheNextAnswerIsUsed() {
        failOnce(CHAT, json(503, "{\"error\":{\"message\":\"overloaded\"}}"));

        assertThat(openAi().chat(UserMessage.from("hi")).aiMessage().text()).isEqualTo("{\"x\": 0.25}");
        assertThat(sleeper.waits).hasSize(1);
    }

    @Test
    void aConnectionResetIsRetried() {
        failOnce(CHAT, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(openAi().chat(UserMessage.from("hi")).aiMessage().text()).isEqualTo("{\"x\": 0.25}");
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void aResponseSlowerThanTheTimeoutCountsAsATransientTimeout() {
        always(CHAT, json(200, "{}").withFixedDelay(1_500));
        ResilientChatModel model = model("openai", Duration.ofMillis(200), TestConfigs.fastOptions(clock, sleeper)
                .withRetry(new RetryPolicy(2, Duration.ofSeconds(1), Duration.ofSeconds(5), 0.2, Duration.ofSeconds(60),
                        Duration.ofSeconds(90))));

        assertThatThrownBy(() -> model.chat(UserMessage.from("hi")))
                .isInstanceOf(ProviderUnavailable.class)
                .hasMessageContaining("timed out")
                .hasMessageContaining("gave up after 2 attempts");
        assertThat(sleeper.waits).hasSize(1);
    }

    @Test
    void malformedJsonIsAMalformedResponseAndIsNotRetried() {
        always(CHAT, json(200, "{\"id\": \"chatcmpl-1\", \"choices\": [ {\"mess"));

        assertThatThrownBy(() -> openAi().chat(UserMessage.from("hi"))).isInstanceOf(MalformedResponse.class);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void emptyChoicesIsAMalformedResponse() {
        always(CHAT, json(200, "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\","
                + "\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":0,\"total_tokens\":3}}"));

        assertThatThrownBy(() -> openAi().chat(UserMessage.from("hi")))
                .isInstanceOf(MalformedResponse.class)
                .hasMessageContaining("openai:m");
    }

    @Test
    void aRefusalInProsePassesThroughAsTextForTheProposersParserToReject() {
        server.close();
        server = ScriptedProviderServer.start(r -> "I'm sorry, but I can't help with choosing hyperparameters.");

        assertThat(openAi().chat(UserMessage.from("hi")).aiMessage().text())
                .isEqualTo("I'm sorry, but I can't help with choosing hyperparameters.");
    }

    @Test
    void openAisContextLengthErrorIsItsOwnExceptionSoTheCallerCanShrinkTheHistory() {
        always(CHAT, json(400, openAiError("This model's maximum context length is 128000 tokens. However, your "
                + "messages resulted in 130000 tokens.", "invalid_request_error", "context_length_exceeded")));

        assertThatThrownBy(() -> openAi().chat(UserMessage.from("hi")))
                .isInstanceOf(ContextLengthExceeded.class)
                .hasMessageContaining("context window");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void anthropicsPromptTooLongErrorIsAContextLengthError() {
        always("/v1/messages", json(400, "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
                + "\"message\":\"prompt is too long: 210000 tokens > 200000 maximum\"}}"));

        assertThatThrownBy(() -> model("anthropic", Duration.ofSeconds(5), TestConfigs.fastOptions(clock, sleeper))
                .chat(UserMessage.from("hi"))).isInstanceOf(ContextLengthExceeded.class);
    }

    @Test
    void aRejectedKeyIsNotRetriedAndTheMessageNamesTheVariableButNotTheKey() {
        always(CHAT, json(401, openAiError("Incorrect API key provided: " + TestConfigs.PLANTED_KEY + ".",
                "invalid_request_error", "invalid_api_key")));

        assertThatThrownBy(() -> openAi().chat(UserMessage.from("hi")))
                .isInstanceOf(ProviderRejected.class)
                .hasMessageContaining("the provider rejected the API key in OPENAI_API_KEY")
                .satisfies(e -> assertThat(Throwables.fullText(e)).doesNotContain(TestConfigs.PLANTED_KEY));
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void anUnknownModelSaysToCheckTheModelAndBaseUrl() {
        always(CHAT, json(404, openAiError("The model `m` does not exist", "invalid_request_error", "model_not_found")));

        assertThatThrownBy(() -> openAi().chat(UserMessage.from("hi")))
                .isInstanceOf(ProviderRejected.class)
                .hasMessageContaining("--model");
    }

    @Test
    void retriesStopWhenTheNextWaitWouldPassTheTotalBudget() {
        always(CHAT, json(503, "overloaded"));
        // each attempt "takes" 50 s on the manual clock, as a provider hanging until the timeout would
        server.wireMock().addMockServiceRequestListener((request, response) -> clock.advance(Duration.ofSeconds(50)));

        assertThatThrownBy(() -> openAi().chat(UserMessage.from("hi")))
                .isInstanceOf(ProviderUnavailable.class)
                .hasMessageContaining("gave up after 2 attempts")
                .hasMessageContaining("retries stop at 90 s");
        assertThat(server.requestCount()).isEqualTo(2);
        assertThat(sleeper.waits).hasSize(1);
    }

    @Test
    void anInterruptedCallerIsNotRetriedSoAStoppingStudyStopsPromptly() {
        always(CHAT, json(503, "overloaded"));
        ResilientChatModel model = openAi();
        Thread.currentThread().interrupt();
        boolean stillInterrupted;
        try {
            assertThatThrownBy(() -> model.chat(UserMessage.from("hi")))
                    .isInstanceOf(ProviderUnavailable.class)
                    .hasMessageContaining("interrupted");
        } finally {
            stillInterrupted = Thread.interrupted();
        }
        assertThat(stillInterrupted).as("the interrupt flag survives for the stopping loop").isTrue();
        assertThat(sleeper.waits).isEmpty();
        assertThat(server.requestCount()).isLessThanOrEqualTo(1);
    }
}
