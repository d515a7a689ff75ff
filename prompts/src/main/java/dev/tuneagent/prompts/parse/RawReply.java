package dev.tuneagent.prompts.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Low-level readers shared by the reply parsers; they never throw on any input. */
final class RawReply {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BLOCK = Pattern.compile("##(.*?)##", Pattern.DOTALL);
    private static final Pattern KEY = Pattern.compile("(?:^|,)\\s*([A-Za-z_][A-Za-z0-9_.-]*)\\s*[:=]\\s*");
    static final int MAX_REPLY_CHARS = 200_000;

    private RawReply() {
    }

    /** The JSON value in a reply, tolerating code fences and prose around it. */
    static Optional<JsonNode> json(String reply) {
        int start = firstOf(reply, '{', '[');
        int end = Math.max(reply.lastIndexOf('}'), reply.lastIndexOf(']'));
        if (start < 0 || end <= start) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JSON.readTree(reply.substring(start, end + 1)));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    /** The text of each {@code ## ... ##} block. */
    static List<String> blocks(String reply) {
        List<String> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(reply);
        while (m.find()) {
            out.add(m.group(1).trim());
        }
        return out;
    }

    /** {@code a: 1, b: "x"} to an ordered map of raw strings; a repeated key is an error. */
    static Map<String, Object> pairs(String block, List<String> problems) {
        Map<String, Object> out = new LinkedHashMap<>();
        Matcher m = KEY.matcher(block);
        List<int[]> spans = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
            keys.add(m.group(1));
        }
        if (keys.isEmpty() || spans.get(0)[0] != 0 && !block.substring(0, spans.get(0)[0]).isBlank()) {
            problems.add("\"" + shorten(block) + "\" is not a list of name: value pairs");
            return null;
        }
        for (int i = 0; i < keys.size(); i++) {
            int valueEnd = i + 1 < spans.size() ? spans.get(i + 1)[0] : block.length();
            String value = unquote(block.substring(spans.get(i)[1], valueEnd).trim().replaceAll(",+$", "").trim());
            if (out.put(keys.get(i), value) != null) {
                problems.add("parameter \"" + keys.get(i) + "\" is given twice");
                return null;
            }
        }
        return out;
    }

    /** Scalars of a JSON object as Java values; nested values are reported. */
    static Map<String, Object> scalars(JsonNode object, List<String> problems) {
        Map<String, Object> out = new LinkedHashMap<>();
        var fields = object.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            JsonNode v = e.getValue();
            if (v.isNumber()) {
                out.put(e.getKey(), v.isIntegralNumber() && v.canConvertToLong() ? (Object) v.asLong() : v.asDouble());
            } else if (v.isTextual()) {
                out.put(e.getKey(), v.asText());
            } else if (v.isBoolean()) {
                out.put(e.getKey(), v.asBoolean());
            } else {
                problems.add("parameter \"" + shorten(e.getKey()) + "\" must be a number, a string or a boolean, got "
                        + shorten(v.toString()));
                return null;
            }
        }
        return out;
    }

    static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return v;
    }

    /** Model text quoted back in an error message stays short. */
    static String shorten(String s) {
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() > 80 ? t.substring(0, 77) + "..." : t;
    }
}
