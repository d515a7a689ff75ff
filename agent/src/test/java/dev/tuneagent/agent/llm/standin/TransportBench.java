package dev.tuneagent.agent.llm.standin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.tuneagent.agent.llm.ChatModels;
import dev.tuneagent.agent.llm.LlmConfigFile;
import dev.tuneagent.agent.llm.LlmConfigResolver;
import dev.tuneagent.agent.llm.TransportOptions;
import dev.tuneagent.agent.llm.error.LlmException;
import dev.tuneagent.agent.llm.resilience.CircuitBreaker;
import dev.tuneagent.agent.llm.resilience.RetryPolicy;
import dev.tuneagent.core.task.LlmSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the transport's own overhead per call: a live call to the stand-in server on 127.0.0.1, the same call
 * replayed from a cassette, and a call refused by an open circuit breaker. Not a test (timings vary by machine).
 * {@code java -cp ... dev.tuneagent.agent.llm.standin.TransportBench [calls]}
 */
public final class TransportBench {
    private TransportBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Path dir = Files.createTempDirectory("transport-bench");
        System.out.println("| mode | calls | median ms | p95 ms |");
        System.out.println("|---|---:|---:|---:|");
        try (ScriptedProviderServer server = ScriptedProviderServer.start(r -> "{\"x\": " + r.callIndex() + "}")) {
            ChatModel live = model(server.openAiBaseUrl(), "record:" + dir, TransportOptions.defaults());
            row("live (stand-in on 127.0.0.1, recording)", n, i -> live.chat(UserMessage.from("q" + i)));
            ChatModel replay = model("http://127.0.0.1:9/v1", "replay:" + dir, TransportOptions.defaults());
            row("replay from cassette", n, i -> replay.chat(UserMessage.from("q" + i)));
            server.wireMock().stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(1)
                    .willReturn(aResponse().withStatus(503)));
            ChatModel dead = model(server.openAiBaseUrl(), null, TransportOptions.defaults()
                    .withRetry(RetryPolicy.none()).withBreaker(new CircuitBreaker.Policy(1, Duration.ofHours(1))));
            row("circuit open (fail fast)", n, i -> {
                try {
                    dead.chat(UserMessage.from("q"));
                } catch (LlmException expected) {
                    // the point: how long a refused call takes
                }
            });
        }
    }

    private static ChatModel model(String base, String cassette, TransportOptions options) {
        var config = new LlmConfigResolver(Map.of("OPENAI_API_KEY", "sk-bench-not-a-key-000000"), LlmConfigFile.none())
                .resolve(LlmSpec.builder().model("openai:bench").baseUrl(base).cassette(cassette)
                        .timeout(Duration.ofSeconds(10)).build(), null, null);
        return ChatModels.create(config, options);
    }

    private interface Call {
        void run(int i);
    }

    private static void row(String mode, int n, Call call) {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            call.run(i);
            t[i] = System.nanoTime() - s;
        }
        Arrays.sort(t);
        System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %.3f |%n", mode, n, t[n / 2] / 1e6, t[(int) (n * 0.95)] / 1e6);
    }
}
