package dev.tuneagent.agent.llm.http;

import dev.langchain4j.http.client.HttpClientBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * Builds {@link OkHttpLangChainClient}s. The provider modules call {@link #connectTimeout}/{@link #readTimeout} with
 * the model's timeout before {@link #build()}; every client built from one builder shares one connection pool.
 * OkHttp's own silent retry is off: retries belong to the resilience layer, which counts them and honours
 * {@code Retry-After}.
 */
public final class OkHttpLangChainClientBuilder implements HttpClientBuilder {
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private ConnectionPool pool = new ConnectionPool();
    private final List<Interceptor> interceptors = new ArrayList<>();
    private Redactor redactor = Redactor.none();

    @Override
    public Duration connectTimeout() {
        return connectTimeout;
    }

    @Override
    public OkHttpLangChainClientBuilder connectTimeout(Duration timeout) {
        if (timeout != null) {
            this.connectTimeout = timeout;
        }
        return this;
    }

    @Override
    public Duration readTimeout() {
        return readTimeout;
    }

    @Override
    public OkHttpLangChainClientBuilder readTimeout(Duration timeout) {
        if (timeout != null) {
            this.readTimeout = timeout;
        }
        return this;
    }

    public OkHttpLangChainClientBuilder connectionPool(ConnectionPool pool) {
        this.pool = pool;
        return this;
    }

    /** Application interceptors, outermost first (the cassette interceptor goes here). */
    public OkHttpLangChainClientBuilder addInterceptor(Interceptor interceptor) {
        interceptors.add(interceptor);
        return this;
    }

    /** Secrets to strip from error bodies and messages. */
    public OkHttpLangChainClientBuilder redactor(Redactor redactor) {
        this.redactor = redactor;
        return this;
    }

    @Override
    public OkHttpLangChainClient build() {
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .connectionPool(pool)
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(readTimeout)
                .callTimeout(connectTimeout.plus(readTimeout))
                .retryOnConnectionFailure(false)
                .followRedirects(false);
        interceptors.forEach(b::addInterceptor);
        return new OkHttpLangChainClient(b.build(), redactor);
    }
}
