package dev.tuneagent.agent.llm.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Request parsing and response building in each provider's exact wire format. Shapes follow the providers' public
 * API references:
 * <ul>
 *   <li>OpenAI: POST /v1/chat/completions, the "chat completion object" (id "chatcmpl-...", object
 *       "chat.completion", created, model, choices[].{index, message{role, content}, finish_reason},
 *       usage{prompt_tokens, completion_tokens, total_tokens}) - platform.openai.com/docs/api-reference/chat/object</li>
 *   <li>Anthropic: POST /v1/messages, the Message object (id "msg_...", type "message", role "assistant",
 *       content[{type "text", text}], model, stop_reason "end_turn", stop_sequence, usage{input_tokens,
 *       output_tokens}) - docs.anthropic.com/en/api/messages; errors {"type":"error","error":{type, message}}</li>
 *   <li>Ollama: POST /api/chat with stream false (model, created_at, message{role, content}, done_reason, done,
 *       total_duration, load_duration, prompt_eval_count, prompt_eval_duration, eval_count, eval_duration) -
 *       github.com/ollama/ollama/blob/main/docs/api.md</li>
 * </ul>
 * Token counts are NOT a tokenizer's: they are ceil(characters / 4), a deterministic stand-in.
 */
final class WireFormats {
    static final ObjectMapper JSON = new ObjectMapper();
    /** A fixed clock for "created" fields so that cassettes made twice are identical. */
    private static final long CREATED = 1_767_225_600L; // 2026-01-01T00:00:00Z

    private WireFormats() {
    }

    static List<ScriptedRequest.Message> messages(ScriptedRequest.Wire wire, JsonNode body) {
        List<ScriptedRequest.Message> out = new ArrayList<>();
        if (wire == ScriptedRequest.Wire.ANTHROPIC && body.has("system")) {
            out.add(new ScriptedRequest.Message("system", text(body.get("system"))));
        }
        for (JsonNode m : body.path("messages")) {
            String role = m.path("role").asText();
            String content = text(m.get("content"));
            for (JsonNode call : m.path("tool_calls")) { // OpenAI and Ollama assistant tool calls
                JsonNode f = call.path("function");
                content += "tool_call " + f.path("name").asText() + " " + (f.path("arguments").isTextual()
                        ? f.path("arguments").asText() : f.path("arguments").toString());
            }
            boolean anthropicResult = m.path("content").isArray() && m.path("content").size() > 0
                    && m.path("content").get(0).path("type").asText().equals("tool_result");
            out.add(new ScriptedRequest.Message(anthropicResult ? "tool" : role, content));
        }
        return out;
    }

    /** Content may be a string or (Anthropic, newer OpenAI) an array of {type: text, text} blocks. */
    private static String text(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode block : content) {
            String type = block.path("type").asText();
            if (type.equals("tool_use")) {
                sb.append("tool_call ").append(block.path("name").asText()).append(' ').append(block.path("input"));
            } else if (type.equals("tool_result")) {
                sb.append(text(block.get("content")));
            } else {
                sb.append(block.isTextual() ? block.asText() : block.path("text").asText());
            }
        }
        return sb.toString();
    }

    static int tokens(String text) {
        return (text.length() + 3) / 4;
    }

    static ObjectNode openAi(ScriptedRequest r, ScriptedReply reply, int promptTokens) {
        String content = reply.text() == null ? "" : reply.text();
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-standin-" + r.callIndex());
        root.put("object", "chat.completion");
        root.put("created", CREATED + r.callIndex());
        root.put("model", r.model());
        ArrayNode choices = root.putArray("choices");
        ObjectNode choice = choices.addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        if (reply.text() == null) {
            message.putNull("content");
        } else {
            message.put("content", content);
        }
        message.putNull("refusal");
        int i = 0;
        for (ScriptedReply.ToolCall c : reply.calls()) {
            ObjectNode call = message.withArray("tool_calls").addObject();
            call.put("id", "call_" + r.callIndex() + "_" + i++);
            call.put("type", "function");
            call.putObject("function").put("name", c.name()).put("arguments", c.argumentsJson());
            content += c.name() + c.argumentsJson();
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", reply.hasCalls() ? "tool_calls" : "stop");
        ObjectNode usage = root.putObject("usage");
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", tokens(content));
        usage.put("total_tokens", promptTokens + tokens(content));
        root.put("system_fingerprint", "fp_standin");
        return root;
    }

    static ObjectNode anthropic(ScriptedRequest r, ScriptedReply reply, int promptTokens) {
        String content = reply.text() == null ? "" : reply.text();
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "msg_standin_" + r.callIndex());
        root.put("type", "message");
        root.put("role", "assistant");
        ArrayNode blocks = root.putArray("content");
        if (reply.text() != null) {
            ObjectNode block = blocks.addObject();
            block.put("type", "text");
            block.put("text", content);
        }
        int i = 0;
        for (ScriptedReply.ToolCall c : reply.calls()) {
            ObjectNode use = blocks.addObject();
            use.put("type", "tool_use");
            use.put("id", "toolu_" + r.callIndex() + "_" + i++);
            use.put("name", c.name());
            try {
                use.set("input", JSON.readTree(c.argumentsJson()));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("tool arguments must be JSON: " + c.argumentsJson(), e);
            }
            content += c.name() + c.argumentsJson();
        }
        root.put("model", r.model());
        root.put("stop_reason", reply.hasCalls() ? "tool_use" : "end_turn");
        root.putNull("stop_sequence");
        ObjectNode usage = root.putObject("usage");
        usage.put("input_tokens", promptTokens);
        usage.put("output_tokens", tokens(content));
        return root;
    }

    static ObjectNode ollama(ScriptedRequest r, ScriptedReply reply, int promptTokens) {
        if (reply.hasCalls()) {
            throw new UnsupportedOperationException("the stand-in speaks tool calls in the OpenAI and Anthropic formats only");
        }
        String content = reply.text();
        ObjectNode root = JSON.createObjectNode();
        root.put("model", r.model());
        root.put("created_at", java.time.Instant.ofEpochSecond(CREATED + r.callIndex()).toString());
        ObjectNode message = root.putObject("message");
        message.put("role", "assistant");
        message.put("content", content);
        root.put("done_reason", "stop");
        root.put("done", true);
        root.put("total_duration", 0);
        root.put("load_duration", 0);
        root.put("prompt_eval_count", promptTokens);
        root.put("prompt_eval_duration", 0);
        root.put("eval_count", tokens(content));
        root.put("eval_duration", 0);
        return root;
    }

    /** OpenAI's error envelope: {"error": {"message", "type", "param", "code"}}. */
    static String openAiError(String message, String type, String code) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode e = root.putObject("error");
        e.put("message", message);
        e.put("type", type);
        e.putNull("param");
        e.put("code", code);
        return root.toString();
    }

    /** Anthropic's error envelope: {"type": "error", "error": {"type", "message"}}. */
    static String anthropicError(String type, String message) {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", "error");
        ObjectNode e = root.putObject("error");
        e.put("type", type);
        e.put("message", message);
        return root.toString();
    }
}
