package dev.tuneagent.agent.llm.http;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * LangChain4j's HTTP client SPI over OkHttp, so every provider module shares our connection pool, timeouts and
 * interceptors (cassettes). Non-2xx answers become {@link ProviderHttpException} with a redacted body; timeouts
 * become LangChain4j's {@link TimeoutException}; other I/O failures an {@link UncheckedIOException}.
 */
public final class OkHttpLangChainClient implements HttpClient {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient client;
    private final Redactor redactor;

    OkHttpLangChainClient(OkHttpClient client, Redactor redactor) {
        this.client = client;
        this.redactor = redactor;
    }

    public static OkHttpLangChainClientBuilder builder() {
        return new OkHttpLangChainClientBuilder();
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        try (Response response = client.newCall(toOkHttp(request)).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            if (!response.isSuccessful()) {
                throw new ProviderHttpException(response.code(), redactor.redact(text), response.header("Retry-After"));
            }
            return SuccessfulHttpResponse.builder()
                    .statusCode(response.code())
                    .headers(response.headers().toMultimap())
                    .body(text)
                    .build();
        } catch (InterruptedIOException e) {
            // OkHttp reports connect/read/call timeouts as SocketTimeoutException or InterruptedIOException.
            throw new TimeoutException("the provider did not answer in time (" + redactor.redact(e.getMessage()) + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException(redactor.redact(String.valueOf(e.getMessage())), e);
        }
    }

    /** We never stream (a proposal is one short JSON reply), so streaming is refused rather than half-supported. */
    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        listener.onError(new UnsupportedOperationException(
                "streaming is not supported by tune-agent's OkHttp transport; use the non-streaming ChatModel"));
    }

    private static Request toOkHttp(HttpRequest request) {
        if (!request.formDataFiles().isEmpty() || !request.formDataFields().isEmpty()) {
            throw new UnsupportedOperationException("multipart requests are not supported by tune-agent's transport");
        }
        Request.Builder b = new Request.Builder().url(request.url());
        MediaType type = JSON;
        for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
            if (h.getValue() == null) {
                continue;
            }
            for (String v : h.getValue()) {
                b.addHeader(h.getKey(), v);
                if (h.getKey().equalsIgnoreCase("Content-Type")) {
                    MediaType parsed = MediaType.parse(v);
                    type = parsed == null ? JSON : parsed;
                }
            }
        }
        RequestBody body = request.body() == null ? null : RequestBody.create(request.body(), type);
        String method = request.method().name();
        if (body == null && method.equals("POST")) {
            body = RequestBody.create("", type);
        }
        return b.method(method, body).build();
    }
}
