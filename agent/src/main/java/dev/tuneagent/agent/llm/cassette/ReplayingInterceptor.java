package dev.tuneagent.agent.llm.cassette;

import dev.tuneagent.agent.llm.error.CassetteMiss;
import dev.tuneagent.agent.llm.http.Redactor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Answers every request from the recordings in {@code dir} and never calls {@code chain.proceed}: no network at all.
 * A request matches a recording with the same method, path, query and canonical (redacted) JSON body; identical
 * requests get their recordings in the order they were recorded.
 */
final class ReplayingInterceptor implements Interceptor {
    private final Path dir;
    private final Redactor redactor;
    private final String rerecordHint;
    private final Map<String, Deque<Exchange>> remaining = new HashMap<>();
    private final Map<String, Integer> recordedCount = new HashMap<>();
    private final List<Exchange> all;
    private final Map<Integer, String> files;

    /** @param loaded the directory's exchanges, already read (see {@link Recordings#load}) */
    ReplayingInterceptor(Path dir, Recordings.Loaded loaded, Redactor redactor, String rerecordHint) {
        this.dir = dir;
        this.redactor = redactor;
        this.rerecordHint = rerecordHint;
        this.all = loaded.exchanges();
        this.files = loaded.files();
        for (Exchange e : all) {
            remaining.computeIfAbsent(e.matchKey(), k -> new ArrayDeque<>()).add(e);
            recordedCount.merge(e.matchKey(), 1, Integer::sum);
        }
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String body = redactor.redact(RecordingInterceptor.bodyOf(request));
        String key = Exchange.matchKey(request.method(), request.url().encodedPath(),
                redactor.redact(request.url().encodedQuery()), body);
        Exchange e = take(key, request, body);
        Headers.Builder headers = new Headers.Builder();
        e.responseHeaders().forEach(headers::add);
        String contentType = e.responseHeaders().getOrDefault("content-type", "application/json");
        return new Response.Builder()
                .request(request)
                .protocol(Protocol.HTTP_1_1)
                .code(e.status())
                .message("replayed from " + dir.getFileName())
                .headers(headers.build())
                .body(ResponseBody.create(e.responseBody(), MediaType.parse(contentType)))
                .build();
    }

    private synchronized Exchange take(String key, Request request, String body) {
        Deque<Exchange> queue = remaining.get(key);
        if (queue != null && !queue.isEmpty()) {
            return queue.poll();
        }
        String canonical = CassetteJson.canonical(body);
        String excerpt = canonical.length() > 160 ? canonical.substring(0, 160) + "..." : canonical;
        int used = recordedCount.getOrDefault(key, 0);
        String why = used > 0
                ? "all " + used + " recording(s) of this exact request in " + dir + " were already replayed"
                : "no recording in " + dir + " has this method, path and body (did the prompt, model or parameters change?)";
        throw new CassetteMiss("cassette replay: " + why + ". Unmatched request: " + request.method() + " "
                + request.url().encodedPath() + " body sha256:" + CassetteJson.sha256Prefix(canonical) + " " + excerpt
                + closest(request.method(), request.url().encodedPath(), canonical) + ". To re-record, run again with --cassette record:" + dir + rerecordHint + ".");
    }

    /** Points at the recording that differs least (longest common prefix), to show what changed. */
    private String closest(String method, String path, String canonical) {
        Exchange best = null;
        int bestPrefix = -1;
        for (Exchange e : all) {
            if (!e.method().equals(method) || !e.path().equals(path)) {
                continue;
            }
            String recorded = CassetteJson.canonical(e.requestBody());
            int prefix = 0;
            int max = Math.min(recorded.length(), canonical.length());
            while (prefix < max && recorded.charAt(prefix) == canonical.charAt(prefix)) {
                prefix++;
            }
            if (prefix > bestPrefix) {
                best = e;
                bestPrefix = prefix;
            }
        }
        if (best == null || bestPrefix == canonical.length()) {
            return "";
        }
        String recorded = CassetteJson.canonical(best.requestBody());
        String file = files.getOrDefault(best.sequence(), "?");
        String where = file.equals(ExchangeFiles.PACKED) ? "exchange " + best.sequence() + " in " + file : file;
        return ". Closest recording: " + where + ", which differs at character " + bestPrefix + ": recorded \"" + around(recorded, bestPrefix)
                + "\", now \"" + around(canonical, bestPrefix) + "\"";
    }

    private static String around(String s, int at) {
        int from = Math.max(0, at - 20);
        int to = Math.min(s.length(), at + 40);
        return (from > 0 ? "..." : "") + s.substring(from, to) + (to < s.length() ? "..." : "");
    }
}
