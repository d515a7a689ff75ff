package dev.tuneagent.agent.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.UserMessage;
import dev.tuneagent.agent.llm.standin.ScriptedProviderServer;
import dev.tuneagent.core.task.LlmSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** vLLM, llama.cpp's server and Ollama's /v1 are reached as openai:NAME plus a base URL, with no key. */
class LocalServerTest {

    @Test
    void anOpenAiCompatibleServerIsReachedThroughOpenAiBaseUrlWithoutAKey() {
        try (ScriptedProviderServer server = ScriptedProviderServer.start(r -> "local " + r.model())) {
            String bareUrl = server.openAiBaseUrl().replace("/v1", ""); // users often forget the /v1
            ResolvedLlmConfig config = new LlmConfigResolver(Map.of("OPENAI_BASE_URL", bareUrl), LlmConfigFile.none())
                    .resolve(LlmSpec.builder().model("openai:Qwen2.5-7B-Instruct").build(),
                            null, null);

            String text = ChatModels.create(config, TransportOptions.defaults()).chat(UserMessage.from("hi"))
                    .aiMessage().text();

            assertThat(text).isEqualTo("local Qwen2.5-7B-Instruct");
            assertThat(config.key()).isEmpty();
            assertThat(config.prices()).as("someone's own server: cost unknown, not a list price").isNull();
            server.wireMock().verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                    .withHeader("Authorization", equalTo("Bearer no-key-configured")));
        }
    }
}
