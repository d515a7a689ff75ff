package dev.tuneagent.tools.command;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the metrics a program reported: the LAST line of its stdout that parses as a JSON object.
 * Programs may print progress and even other JSON before it; only the last object counts.
 */
public final class MetricLine {
    /** Longer lines are skipped rather than held in memory; a metrics line is short. */
    static final int MAX_LINE_CHARS = 64 * 1024;

    // Python's json.dumps writes NaN and Infinity: accept them so we can say "NaN" instead of "not JSON".
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
            .build();

    private MetricLine() {
    }

    /**
     * The last JSON object line of {@code stdout} that is not an intermediate report (an object with a
     * {@code step} key), if any.
     */
    public static Optional<JsonNode> lastObject(Path stdout) throws IOException {
        return scan(stdout).last();
    }

    /**
     * What a scan of stdout found: the last JSON object line, and the last line that began like one ({@code {})
     * but was too long to read, so a missing metric can be explained by its length.
     *
     * @param overlongLine  1-based number of that line, or 0 when there was none
     * @param overlongChars its length in characters
     */
    public record Scan(Optional<JsonNode> last, long overlongLine, long overlongChars) {
        /** Why no metric line was found, when a too-long line is the likely reason. */
        public Optional<String> overlongReason() {
            return overlongLine == 0 ? Optional.empty() : Optional.of("line " + overlongLine + " of stdout starts like a"
                    + " JSON object but is " + overlongChars + " characters long, over the limit of " + MAX_LINE_CHARS
                    + " for a metric line; print the metrics on a short line of their own");
        }
    }

    public static Scan scan(Path stdout) throws IOException {
        JsonNode last = null;
        long lineNumber = 1;
        long overlongLine = 0;
        long overlongChars = 0;
        try (BufferedReader in = Files.newBufferedReader(stdout, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            boolean tooLong = false;
            boolean objectLike = false;
            long length = 0;
            int c;
            while (true) {
                c = in.read();
                if (c == '\n' || c == -1) {
                    if (tooLong && objectLike) {
                        overlongLine = lineNumber;
                        overlongChars = length;
                    }
                    JsonNode node = tooLong ? null : parse(line);
                    last = node != null ? node : last;
                    if (c == -1) {
                        break;
                    }
                    line.setLength(0);
                    tooLong = false;
                    length = 0;
                    lineNumber++;
                    continue;
                }
                length++;
                if (!tooLong) {
                    if (line.length() >= MAX_LINE_CHARS) {
                        tooLong = true;
                        objectLike = line.toString().strip().startsWith("{");
                        line.setLength(0);
                    } else {
                        line.append((char) c);
                    }
                }
            }
        }
        return new Scan(Optional.ofNullable(last), overlongLine, overlongChars);
    }

    private static JsonNode parse(CharSequence line) {
        JsonNode node = parseObject(line);
        return node != null && !node.has("step") ? node : null;
    }

    /** The line as a JSON object, or null when it is not one. */
    static JsonNode parseObject(CharSequence line) {
        String s = line.toString().strip();
        if (!s.startsWith("{") || !s.endsWith("}")) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(s);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Every finite numeric field of the object, in the order printed. */
    public static Map<String, Double> numericFields(JsonNode object) {
        Map<String, Double> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> {
            if (e.getValue().isNumber() && Double.isFinite(e.getValue().asDouble())) {
                out.put(e.getKey(), e.getValue().asDouble());
            }
        });
        return out;
    }

    /**
     * Why {@code key} is not a usable objective in {@code object}, or empty when it is a finite number.
     */
    public static Optional<String> problemWith(JsonNode object, String key) {
        JsonNode v = object.get(key);
        if (v == null) {
            StringBuilder keys = new StringBuilder();
            object.fieldNames().forEachRemaining(k -> keys.append(keys.length() == 0 ? "" : ", ").append(k));
            return Optional.of("the last JSON line on stdout has no key \"" + key + "\" (its keys: "
                    + (keys.length() == 0 ? "none" : keys) + "); fix job.metric or the program's output");
        }
        if (!v.isNumber()) {
            return Optional.of("metric \"" + key + "\" is " + v + ", not a number");
        }
        double d = v.asDouble();
        if (Double.isNaN(d)) {
            return Optional.of("metric \"" + key + "\" is NaN");
        }
        if (Double.isInfinite(d)) {
            return Optional.of("metric \"" + key + "\" is " + (d > 0 ? "+" : "-") + "infinity");
        }
        return Optional.empty();
    }
}
