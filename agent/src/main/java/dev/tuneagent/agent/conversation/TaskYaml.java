package dev.tuneagent.agent.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A task as compact YAML, the way the examples are written: one line per section, one line per parameter
 * ({@code trees: {type: int, low: 10, high: 300, log: true}}). Strings that YAML would read as something else are
 * quoted; the result parses back to the same task (tested).
 */
final class TaskYaml {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_./-]*");
    private static final Pattern RESERVED = Pattern.compile("(?i)(true|false|yes|no|on|off|null|y|n|~)");

    private TaskYaml() {
    }

    static String write(ObjectNode raw) {
        JsonNode task;
        try {
            task = new com.fasterxml.jackson.databind.ObjectMapper().readTree(raw.toString()); // plain nodes, no POJOs
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder sb = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = task.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("space") && e.getValue().isObject()) {
                sb.append("space:\n");
                e.getValue().fields().forEachRemaining(p -> sb.append("  ").append(key(p.getKey())).append(": ")
                        .append(flow(p.getValue())).append('\n'));
            } else {
                sb.append(key(e.getKey())).append(": ").append(flow(e.getValue())).append('\n');
            }
        }
        return sb.toString();
    }

    private static String flow(JsonNode n) {
        if (n.isObject()) {
            StringBuilder sb = new StringBuilder("{");
            n.fields().forEachRemaining(e -> sb.append(sb.length() > 1 ? ", " : "").append(key(e.getKey())).append(": ")
                    .append(flow(e.getValue())));
            return sb.append('}').toString();
        }
        if (n.isArray()) {
            StringBuilder sb = new StringBuilder("[");
            n.forEach(v -> sb.append(sb.length() > 1 ? ", " : "").append(flow(v)));
            return sb.append(']').toString();
        }
        if (n.isTextual()) {
            return scalar(n.asText());
        }
        return n.toString(); // numbers, booleans, null
    }

    private static String key(String k) {
        return scalar(k);
    }

    private static String scalar(String s) {
        if (PLAIN.matcher(s).matches() && !RESERVED.matcher(s).matches()) {
            return s;
        }
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(s).toString(); // a JSON string is a YAML string
    }
}
