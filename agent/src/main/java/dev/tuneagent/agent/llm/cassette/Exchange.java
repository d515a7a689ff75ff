package dev.tuneagent.agent.llm.cassette;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One recorded request/response pair, already redacted. On disk (one file per exchange, {@code exchange-0001.json}):
 *
 * <pre>
 * { "recorded_with": "...", "session": null, "sequence": 1,
 *   "request":  { "method": "POST", "path": "/v1/chat/completions", "query": null,
 *                 "headers": { "content-type": "application/json", "authorization": "[REDACTED]" },
 *                 "body": { ...request JSON... } },
 *   "response": { "status": 200, "headers": { "content-type": "application/json" },
 *                 "body": { ...response JSON... } } }
 * </pre>
 *
 * A body that is not JSON is stored as a string under {@code body_text} instead of {@code body}. Replay also reads
 * exchanges compressed after recording (see {@link ExchangeFiles}).
 */
record Exchange(String recordedWith, String session, int sequence, String method, String path, String query,
                Map<String, String> requestHeaders, String requestBody, int status, Map<String, String> responseHeaders,
                String responseBody) {

    /** What replay matches on: method, path, query and the canonical request body. */
    String matchKey() {
        return matchKey(method, path, query, requestBody);
    }

    static String matchKey(String method, String path, String query, String body) {
        return method + " " + path + (query == null ? "" : "?" + query) + " " + CassetteJson.canonical(body);
    }

    ObjectNode toJson() {
        ObjectNode root = CassetteJson.MAPPER.createObjectNode();
        root.put("recorded_with", recordedWith);
        root.put("session", session);
        root.put("sequence", sequence);
        ObjectNode req = root.putObject("request");
        req.put("method", method);
        req.put("path", path);
        req.put("query", query);
        req.set("headers", CassetteJson.headers(requestHeaders));
        putBody(req, requestBody);
        ObjectNode res = root.putObject("response");
        res.put("status", status);
        res.set("headers", CassetteJson.headers(responseHeaders));
        putBody(res, responseBody);
        return root;
    }

    static Exchange fromJson(JsonNode root) {
        JsonNode req = root.path("request");
        JsonNode res = root.path("response");
        return new Exchange(root.path("recorded_with").asText(""),
                root.path("session").isTextual() ? root.path("session").asText() : null, root.path("sequence").asInt(),
                req.path("method").asText(), req.path("path").asText(),
                req.path("query").isTextual() ? req.path("query").asText() : null,
                headers(req.path("headers")), body(req), res.path("status").asInt(), headers(res.path("headers")),
                body(res));
    }

    private static void putBody(ObjectNode n, String body) {
        JsonNode parsed = CassetteJson.parseOrNull(body);
        if (parsed != null) {
            n.set("body", parsed);
        } else {
            n.put("body_text", body == null ? "" : body);
        }
    }

    private static String body(JsonNode n) {
        if (n.has("body")) {
            return CassetteJson.compact(n.get("body"));
        }
        return n.path("body_text").asText("");
    }

    private static Map<String, String> headers(JsonNode n) {
        Map<String, String> h = new LinkedHashMap<>();
        n.properties().forEach(e -> h.put(e.getKey(), e.getValue().asText()));
        return h;
    }
}
