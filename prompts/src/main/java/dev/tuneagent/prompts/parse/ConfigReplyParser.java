package dev.tuneagent.prompts.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tuneagent.core.space.InvalidValueException;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.prompts.history.HistorySerializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads configurations out of a model's reply and validates each one against the space: every
 * parameter present, no unknown key, values coerced to their type and inside their bounds, no
 * duplicate of a past or pending trial, no duplicate within the reply. Configurations that fail are
 * listed, the others kept; the result fails only when none is usable. Never throws.
 */
public final class ConfigReplyParser {
    private static final List<String> LIST_KEYS = List.of("configurations", "configs", "candidates");

    private ConfigReplyParser() {
    }

    public static ParseResult<List<Map<String, Object>>> parse(String reply, SearchSpace space,
                                                               List<Map<String, Object>> past, ReplyFormat format) {
        try {
            return parseUnsafe(reply, space, past, format);
        } catch (RuntimeException e) {
            // Defensive: a parser bug must look like an unusable reply, never kill the study.
            return ParseResult.failed("the reply could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static ParseResult<List<Map<String, Object>>> parseUnsafe(String reply, SearchSpace space,
                                                                      List<Map<String, Object>> past, ReplyFormat format) {
        if (reply == null || reply.isBlank()) {
            return ParseResult.failed("the reply was empty");
        }
        if (reply.length() > RawReply.MAX_REPLY_CHARS) {
            return ParseResult.failed("the reply was too long (" + reply.length() + " characters)");
        }
        List<String> problems = new ArrayList<>();
        List<Map<String, Object>> raw = format == ReplyFormat.JSON
                ? fromJson(reply, problems).or(() -> fromBlocks(reply, problems)).orElse(null)
                : fromBlocks(reply, problems).or(() -> fromJson(reply, problems)).orElse(null);
        if (raw == null) {
            problems.add(0, "no configuration found: " + (format == ReplyFormat.JSON
                    ? "expected a JSON object with a \"configurations\" list"
                    : "expected each configuration between ## markers, as ## name: value, name: value ##")
                    + " (the reply began \"" + RawReply.shorten(reply) + "\")");
            return new ParseResult.Failed<>(problems);
        }
        List<Map<String, Object>> accepted = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String label = raw.size() == 1 ? "the configuration" : "configuration " + (i + 1);
            if (raw.get(i) == null) {
                continue;
            }
            Map<String, Object> config;
            try {
                config = space.coerce(raw.get(i));
            } catch (InvalidValueException e) {
                problems.add(label + ": " + e.getMessage());
                continue;
            }
            if (contains(space, past, config)) {
                problems.add(label + " repeats a configuration that was already tried or is running");
            } else if (contains(space, accepted, config)) {
                problems.add(label + " repeats an earlier configuration of the same reply");
            } else {
                accepted.add(config);
            }
        }
        if (accepted.isEmpty()) {
            if (problems.isEmpty()) {
                problems.add("the reply held no configuration");
            }
            return new ParseResult.Failed<>(problems);
        }
        return new ParseResult.Ok<>(accepted, problems);
    }

    /**
     * Duplicates are judged at the precision the prompt shows (LLAMBO rounds before comparing too):
     * a model that copies a rounded history row has repeated that trial.
     */
    private static boolean contains(SearchSpace space, List<Map<String, Object>> configs, Map<String, Object> c) {
        String key = HistorySerializer.config(c, space, ":");
        for (Map<String, Object> p : configs) {
            try {
                if (space.sameConfig(p, c) || HistorySerializer.config(p, space, ":").equals(key)) {
                    return true;
                }
            } catch (RuntimeException e) {
                // a past configuration from an older space version cannot equal a valid new one
            }
        }
        return false;
    }

    private static Optional<List<Map<String, Object>>> fromJson(String reply, List<String> problems) {
        Optional<JsonNode> node = RawReply.json(reply);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        JsonNode n = node.get();
        JsonNode list = null;
        if (n.isArray()) {
            list = n;
        } else if (n.isObject()) {
            for (String key : LIST_KEYS) {
                if (n.has(key) && n.get(key).isArray()) {
                    list = n.get(key);
                }
            }
            if (list == null) {
                List<Map<String, Object>> single = new ArrayList<>();
                single.add(RawReply.scalars(n, problems));
                return Optional.of(single);
            }
        }
        if (list == null) {
            return Optional.empty();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).isObject()) {
                problems.add("configuration " + (i + 1) + " is not a JSON object");
                out.add(null);
            } else {
                out.add(RawReply.scalars(list.get(i), problems));
            }
        }
        return Optional.of(out);
    }

    private static Optional<List<Map<String, Object>>> fromBlocks(String reply, List<String> problems) {
        List<String> blocks = RawReply.blocks(reply);
        if (blocks.isEmpty()) {
            return Optional.empty();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (String b : blocks) {
            out.add(RawReply.pairs(b, problems));
        }
        return Optional.of(out);
    }
}
