package dev.tuneagent.agent.llm.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.DefaultServerSentEventParser;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OkHttpLangChainClientTest {
    private WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private static OkHttpLangChainClient client(Duration readTimeout) {
        return new OkHttpLangChainClientBuilder().readTimeout(readTimeout)
                .redactor(new Redactor(List.of("sk-secret-value-1234"))).build();
    }

    @Test
    void aPostCarriesItsHeadersAndBodyAndReturnsStatusHeadersAndBody() {
        server.stubFor(post(urlPathEqualTo("/v1/x")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("x-request-id", "r1").withBody("{\"ok\":1}")));

        SuccessfulHttpResponse r = client(Duration.ofSeconds(5)).execute(HttpRequest.builder().method(HttpMethod.POST)
                .url(url("/v1/x")).addHeader("Content-Type", "application/json").addHeader("x-api-key", "k")
                .body("{\"q\":\"hi\"}").build());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"ok\":1}");
        assertThat(r.headers().get("x-request-id")).containsExactly("r1");
        server.verify(postRequestedFor(urlPathEqualTo("/v1/x")).withHeader("x-api-key", equalTo("k"))
                .withRequestBody(equalToJson("{\"q\":\"hi\"}")));
    }

    @Test
    void aGetWithoutBodyWorks() {
        server.stubFor(get(urlPathEqualTo("/api/tags")).willReturn(aResponse().withStatus(200).withBody("{}")));

        assertThat(client(Duration.ofSeconds(5)).execute(HttpRequest.builder().method(HttpMethod.GET)
                .url(url("/api/tags")).build()).body()).isEqualTo("{}");
    }

    @Test
    void aNonSuccessStatusBecomesAProviderHttpExceptionWithRetryAfterAndARedactedBody() {
        server.stubFor(post(urlPathEqualTo("/v1/x")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")
                .withBody("slow down, sk-secret-value-1234")));

        assertThatThrownBy(() -> client(Duration.ofSeconds(5)).execute(HttpRequest.builder().method(HttpMethod.POST)
                .url(url("/v1/x")).body("{}").build()))
                .isInstanceOfSatisfying(ProviderHttpException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.retryAfter()).isEqualTo("3");
                    assertThat(e.body()).isEqualTo("slow down, [REDACTED]");
                });
    }

    @Test
    void theReadTimeoutFromTheBuilderApplies() {
        server.stubFor(post(urlPathEqualTo("/v1/x")).willReturn(aResponse().withStatus(200).withFixedDelay(1_500)));

        assertThatThrownBy(() -> client(Duration.ofMillis(150)).execute(HttpRequest.builder().method(HttpMethod.POST)
                .url(url("/v1/x")).body("{}").build())).isInstanceOf(TimeoutException.class);
    }

    @Test
    void streamingIsRefusedThroughTheListenerWithAClearMessage() {
        List<Throwable> errors = new ArrayList<>();
        client(Duration.ofSeconds(1)).execute(HttpRequest.builder().method(HttpMethod.POST).url(url("/v1/x")).body("{}")
                .build(), new DefaultServerSentEventParser(), new ServerSentEventListener() {
                    @Override
                    public void onError(Throwable t) {
                        errors.add(t);
                    }
                });

        assertThat(errors).singleElement().isInstanceOf(UnsupportedOperationException.class)
                .extracting(Throwable::getMessage).asString().contains("non-streaming");
        assertThat(server.getAllServeEvents()).isEmpty();
    }
}
