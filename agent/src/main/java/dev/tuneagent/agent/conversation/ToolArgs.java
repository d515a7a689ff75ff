package dev.tuneagent.agent.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;

/** Argument checks shared by the tools: the model's JSON is untrusted, so unknown keys and wrong types are refused. */
final class ToolArgs {
    private ToolArgs() {
    }

    static void only(JsonNode args, String tool, String... allowed) {
        for (Iterator<String> it = args.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!List.of(allowed).contains(k)) {
                throw new ToolRefusal(tool + ": unknown argument \"" + k + "\"; allowed: " + String.join(", ", allowed));
            }
        }
    }

    /** The string argument, or null when absent or JSON null; any other type is refused. */
    static String text(JsonNode args, String key) {
        JsonNode v = args.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new ToolRefusal(key + ": got " + v + ", expected a string");
        }
        return v.asText();
    }

    static String requiredText(JsonNode args, String key) {
        String v = text(args, key);
        if (v == null || v.isBlank()) {
            throw new ToolRefusal(key + ": missing; it is required");
        }
        return v;
    }

    static int requiredInt(JsonNode args, String key) {
        JsonNode v = args.get(key);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new ToolRefusal(key + ": got " + (v == null ? "nothing" : v.toString()) + ", expected an integer");
        }
        return v.asInt();
    }
}
