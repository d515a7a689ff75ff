package dev.tuneagent.prompts.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the surrogate's predicted scores for candidates {@code C1..Ck}: {@code ## C1: 0.81 ##} lines
 * or a JSON object {@code {"C1": 0.81, ...}} (optionally under {@code "predictions"}). Missing or
 * unreadable predictions are NaN and listed; the result fails only when no prediction is usable.
 * Never throws.
 */
public final class ScoreReplyParser {
    private static final Pattern LINE = Pattern.compile("^\\s*C?(\\d+)\\s*[:=]\\s*(\\S+)\\s*$");

    private ScoreReplyParser() {
    }

    public static ParseResult<double[]> parse(String reply, int candidates, ReplyFormat format) {
        try {
            return parseUnsafe(reply, candidates, format);
        } catch (RuntimeException e) {
            return ParseResult.failed("the reply could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static ParseResult<double[]> parseUnsafe(String reply, int candidates, ReplyFormat format) {
        if (reply == null || reply.isBlank()) {
            return ParseResult.failed("the reply was empty");
        }
        if (reply.length() > RawReply.MAX_REPLY_CHARS) {
            return ParseResult.failed("the reply was too long (" + reply.length() + " characters)");
        }
        double[] scores = new double[candidates];
        Arrays.fill(scores, Double.NaN);
        List<String> problems = new ArrayList<>();
        boolean found = format == ReplyFormat.JSON
                ? fromJson(reply, scores, problems) || fromBlocks(reply, scores, problems)
                : fromBlocks(reply, scores, problems) || fromJson(reply, scores, problems);
        if (!found) {
            return ParseResult.failed("no prediction found: " + (format == ReplyFormat.JSON
                    ? "expected a JSON object such as {\"C1\": 0.5}"
                    : "expected one line ## C1: score ## per candidate")
                    + " (the reply began \"" + RawReply.shorten(reply) + "\")");
        }
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < candidates; i++) {
            if (Double.isNaN(scores[i])) {
                missing.add(i + 1);
            }
        }
        if (missing.size() == candidates) {
            problems.add("no usable prediction for any of C1..C" + candidates);
            return new ParseResult.Failed<>(problems);
        }
        if (!missing.isEmpty()) {
            problems.add("no prediction for candidates " + missing);
        }
        return new ParseResult.Ok<>(scores, problems);
    }

    private static boolean fromBlocks(String reply, double[] scores, List<String> problems) {
        List<String> blocks = RawReply.blocks(reply);
        boolean any = false;
        for (String b : blocks) {
            Matcher m = LINE.matcher(b);
            if (m.matches()) {
                any = true;
                put(m.group(1), m.group(2), scores, problems);
            }
        }
        return any;
    }

    private static boolean fromJson(String reply, double[] scores, List<String> problems) {
        Optional<JsonNode> node = RawReply.json(reply);
        if (node.isEmpty() || !node.get().isObject()) {
            return false;
        }
        JsonNode n = node.get().has("predictions") ? node.get().get("predictions") : node.get();
        if (!n.isObject()) {
            return false;
        }
        boolean any = false;
        var fields = n.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            Matcher m = Pattern.compile("C?(\\d+)").matcher(e.getKey().trim());
            if (m.matches()) {
                any = true;
                put(m.group(1), e.getValue().asText(), scores, problems);
            } else {
                problems.add("unknown candidate \"" + RawReply.shorten(e.getKey()) + "\"");
            }
        }
        return any;
    }

    private static void put(String id, String value, double[] scores, List<String> problems) {
        int i;
        try {
            i = Integer.parseInt(id) - 1;
        } catch (NumberFormatException e) {
            problems.add("unknown candidate C" + RawReply.shorten(id));
            return;
        }
        if (i < 0 || i >= scores.length) {
            problems.add("unknown candidate C" + (i + 1) + " (there are " + scores.length + ")");
            return;
        }
        double v;
        try {
            v = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            problems.add("C" + (i + 1) + ": \"" + RawReply.shorten(value) + "\" is not a number");
            return;
        }
        if (!Double.isFinite(v)) {
            problems.add("C" + (i + 1) + ": " + value + " is not a finite number");
        } else if (!Double.isNaN(scores[i])) {
            problems.add("C" + (i + 1) + " is predicted twice");
        } else {
            scores[i] = v;
        }
    }
}
