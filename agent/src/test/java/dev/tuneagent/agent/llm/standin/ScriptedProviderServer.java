package dev.tuneagent.agent.llm.standin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A scripted stand-in for a model: a real HTTP server on 127.0.0.1 (WireMock, dynamic port) that speaks the OpenAI
 * chat-completions, Anthropic messages and Ollama /api/chat wire formats, with the reply text produced by a Java
 * function. No model is reachable from our machines, so cassettes for tests and the offline demo are recorded
 * against this server; they show the mechanics (prompts, parsing, retries, accounting), not a model's judgement.
 *
 * <pre>
 * try (var server = ScriptedProviderServer.start(req -> "{\"x\": 0.5}")) {
 *     // point --model openai:NAME at server.openAiBaseUrl(), record with --cassette record:DIR
 * }
 * </pre>
 *
 * Fault tests add their own stubs through {@link #wireMock()} (they take precedence: last stub wins).
 */
public final class ScriptedProviderServer implements AutoCloseable {
    /** Text for a cassette's {@code recorded_with} field when recorded against this server. */
    public static final String RECORDED_WITH = "ScriptedProviderServer: a scripted stand-in server (tune-agent test "
            + "sources) speaking the provider's exact wire format; reply text from a Java function, token counts are "
            + "ceil(chars/4). Not a real model.";
    private static final String TRANSFORMER = "scripted-provider";

    /** {@link #RECORDED_WITH} plus what the script does, e.g. "replies with the centre of the search space". */
    public static String recordedWith(String scriptDescription) {
        return RECORDED_WITH + " Script: " + scriptDescription;
    }

    private final WireMockServer server;

    private ScriptedProviderServer(WireMockServer server) {
        this.server = server;
    }

    public static ScriptedProviderServer start(Function<ScriptedRequest, String> script) {
        return startWithReplies(r -> ScriptedReply.text(script.apply(r)));
    }

    /** A stand-in whose script may answer with tool calls as well as text. */
    public static ScriptedProviderServer startWithReplies(Function<ScriptedRequest, ScriptedReply> script) {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .extensions(new Scripted(script)));
        server.start();
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withTransformers(TRANSFORMER)));
        server.stubFor(post(urlPathEqualTo("/v1/messages")).willReturn(aResponse().withTransformers(TRANSFORMER)));
        server.stubFor(post(urlPathEqualTo("/api/chat")).willReturn(aResponse().withTransformers(TRANSFORMER)));
        return new ScriptedProviderServer(server);
    }

    /** For {@code openai:NAME} (and every OpenAI-compatible use). */
    public String openAiBaseUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    public String anthropicBaseUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    public String ollamaBaseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public WireMockServer wireMock() {
        return server;
    }

    /** Requests the server received, for tests that check the wire. */
    public int requestCount() {
        return server.getAllServeEvents().size();
    }

    @Override
    public void close() {
        server.stop();
    }

    private static final class Scripted implements ResponseDefinitionTransformerV2 {
        private final Function<ScriptedRequest, ScriptedReply> script;
        private final AtomicInteger calls = new AtomicInteger();

        Scripted(Function<ScriptedRequest, ScriptedReply> script) {
            this.script = script;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            String path = event.getRequest().getUrl();
            ScriptedRequest.Wire wire = path.startsWith("/v1/messages") ? ScriptedRequest.Wire.ANTHROPIC
                    : path.startsWith("/api/chat") ? ScriptedRequest.Wire.OLLAMA : ScriptedRequest.Wire.OPENAI;
            JsonNode body;
            try {
                body = WireFormats.JSON.readTree(event.getRequest().getBodyAsString());
            } catch (IOException e) {
                return error(400, wire, "the request body is not JSON");
            }
            List<ScriptedRequest.Message> messages = WireFormats.messages(wire, body);
            ScriptedRequest request = new ScriptedRequest(wire, body.path("model").asText(), messages, body,
                    calls.getAndIncrement());
            int promptTokens = messages.stream().mapToInt(m -> WireFormats.tokens(m.content())).sum();
            ScriptedReply content = script.apply(request);
            JsonNode reply = switch (wire) {
                case OPENAI -> WireFormats.openAi(request, content, promptTokens);
                case ANTHROPIC -> WireFormats.anthropic(request, content, promptTokens);
                case OLLAMA -> WireFormats.ollama(request, content, promptTokens);
            };
            return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder()
                    .withStatus(200).withHeader("Content-Type", "application/json").withBody(reply.toString()).build();
        }

        private static ResponseDefinition error(int status, ScriptedRequest.Wire wire, String message) {
            String body = wire == ScriptedRequest.Wire.ANTHROPIC
                    ? WireFormats.anthropicError("invalid_request_error", message)
                    : WireFormats.openAiError(message, "invalid_request_error", null);
            return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder()
                    .withStatus(status).withHeader("Content-Type", "application/json").withBody(body).build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return TRANSFORMER;
        }
    }
}
