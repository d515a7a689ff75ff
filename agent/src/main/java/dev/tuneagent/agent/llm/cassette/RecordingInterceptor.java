package dev.tuneagent.agent.llm.cassette;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tuneagent.agent.llm.error.CassetteError;
import dev.tuneagent.agent.llm.http.Redactor;
import dev.tuneagent.core.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * Passes each request to the network and writes the exchange, redacted, to {@code dir/exchange-NNNN.json}. Files are
 * created exclusively, so several models recording into one directory never overwrite each other. Calls that fail
 * below HTTP (resets, timeouts) have no response to record and are not written.
 */
final class RecordingInterceptor implements Interceptor {
    /** Headers worth keeping: they change how a client behaves (format, rate limits, versions). */
    private static final Set<String> KEPT = Set.of("content-type", "retry-after", "anthropic-version", "openai-beta",
            "x-request-id", "request-id");

    private final Path dir;
    private final Redactor redactor;
    private final String recordedWith;
    private final String session;
    private int next = -1;

    private RecordingInterceptor(Path dir, Redactor redactor, String recordedWith, String session) {
        this.dir = dir;
        this.redactor = redactor;
        this.recordedWith = recordedWith;
        this.session = session;
    }

    /**
     * Refuses, before any call is made, a directory holding another recording: appending would mix two sessions
     * and replay would serve the old answers first. Nothing is ever deleted for the user.
     */
    static RecordingInterceptor open(Path dir, Redactor redactor, String recordedWith, String session) {
        if (Files.isDirectory(dir)) {
            int found = 0;
            boolean foreign = false;
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    if (ExchangeFiles.isExchange(p)) {
                        for (JsonNode exchange : ExchangeFiles.readTrees(p)) {
                            found++;
                            JsonNode s = exchange.path("session");
                            foreign |= session == null || !s.isTextual() || !s.asText().equals(session);
                        }
                    }
                }
            } catch (IOException e) {
                throw new ConfigException("--cassette", "cannot read the cassette directory " + dir + ": " + e.getMessage());
            }
            if (foreign) {
                throw new ConfigException("--cassette", "record:" + dir + " already holds " + found
                        + " recorded exchange(s) from another recording; recording into it would mix two sessions. "
                        + "Record into an empty directory, or move the old recordings away (tune-agent never deletes them).");
            }
        }
        return new RecordingInterceptor(dir, redactor, recordedWith, session);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String requestBody = bodyOf(request);
        Response response = chain.proceed(request);
        ResponseBody body = response.body();
        MediaType type = body == null ? null : body.contentType();
        String responseBody = body == null ? "" : body.string();
        String recordedWithText = recordedWith != null ? recordedWith
                : "tune-agent, recording a live exchange with " + request.url().scheme() + "://" + request.url().host();
        Exchange exchange = new Exchange(recordedWithText, session, 0, request.method(), request.url().encodedPath(),
                redactor.redact(request.url().encodedQuery()), headers(request.headers()),
                redactor.redact(requestBody), response.code(), headers(response.headers()), redactor.redact(responseBody));
        write(exchange);
        return response.newBuilder().body(ResponseBody.create(responseBody, type)).build();
    }

    private synchronized void write(Exchange e) {
        try {
            Files.createDirectories(dir);
            if (next < 0) {
                next = highestSequence() + 1;
            }
            while (true) {
                Exchange numbered = new Exchange(e.recordedWith(), e.session(), next, e.method(), e.path(), e.query(),
                        e.requestHeaders(), e.requestBody(), e.status(), e.responseHeaders(), e.responseBody());
                Path file = dir.resolve(String.format(Locale.ROOT, "exchange-%04d.json", next));
                next++;
                try {
                    Files.writeString(file, CassetteJson.MAPPER.writeValueAsString(numbered.toJson()) + "\n",
                            StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    return;
                } catch (FileAlreadyExistsException taken) {
                    // another recorder in this directory took the number; try the next one
                }
            }
        } catch (IOException io) {
            throw new CassetteError("cannot write the cassette in " + dir + ": " + io, io);
        }
    }

    private int highestSequence() throws IOException {
        int max = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                // compressed and packed exchanges count too: a session recorded, compressed, then extended
                // numbers onwards
                max = Math.max(max, ExchangeFiles.highestSequence(p));
            }
        }
        return max;
    }

    private Map<String, String> headers(okhttp3.Headers headers) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : headers.names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (Redactor.isSecretHeader(lower)) {
                out.put(lower, Redactor.MARK);
            } else if (KEPT.contains(lower) || lower.startsWith("x-ratelimit-") || lower.startsWith("anthropic-ratelimit-")) {
                out.put(lower, redactor.redact(headers.get(name)));
            }
        }
        return out;
    }

    static String bodyOf(Request request) throws IOException {
        if (request.body() == null) {
            return "";
        }
        Buffer buffer = new Buffer();
        request.body().writeTo(buffer);
        return buffer.readUtf8();
    }
}
