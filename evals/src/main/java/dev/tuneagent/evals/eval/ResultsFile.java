package dev.tuneagent.evals.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.study.Direction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code results.jsonl}: the source of truth of an eval, one line per finished cell, appended as cells finish
 * (a crash loses at most the running cells). Keyed by task, proposer and seed: a rerun skips the cells it holds.
 */
public final class ResultsFile {
    public static final String NAME = "results.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path path;

    public ResultsFile(Path dir) {
        this.path = dir.resolve(NAME);
    }

    public Path path() {
        return path;
    }

    /** Every line, in file order; the last line wins for a repeated key. */
    public synchronized List<CellResult> read() {
        if (!Files.exists(path)) {
            return List.of();
        }
        Map<String, CellResult> out = new LinkedHashMap<>();
        try {
            List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                CellResult r;
                try {
                    r = fromJson(JSON.readTree(lines.get(i)));
                } catch (IOException | RuntimeException e) {
                    throw new ConfigException(path.toString(), "line " + (i + 1) + " is not a result line ("
                            + e.getMessage() + "); fix or remove it, then rerun");
                }
                out.put(r.key(), r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        return List.copyOf(out.values());
    }

    public synchronized void append(CellResult r) {
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, toJson(r) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + path, e);
        }
    }

    /** Rewrites the file with only {@code keep} (used before re-running failed cells). */
    public synchronized void rewrite(List<CellResult> keep) {
        try {
            Path tmp = path.resolveSibling(NAME + ".tmp");
            StringBuilder sb = new StringBuilder();
            keep.forEach(r -> sb.append(toJson(r)).append('\n'));
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + path, e);
        }
    }

    static String toJson(CellResult r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("task", r.task());
        o.put("proposer", r.proposer());
        o.put("seed", r.seed());
        o.put("status", r.status());
        o.put("reason", r.reason());
        o.put("best", r.best());
        ArrayNode curve = o.putArray("curve");
        r.curve().forEach(curve::add);
        o.put("calls", r.calls());
        o.put("tokens", r.tokens());
        o.put("cost_usd", r.costUsd());
        o.put("fallbacks", r.fallbacks());
        o.put("wall_s", round(r.wallS()));
        o.put("proposer_ms", round(r.proposerMs()));
        if (r.model() != null) {
            o.put("model", r.model());
        }
        if (r.cassette() != null) {
            o.put("cassette", r.cassette());
        }
        o.put("pruner", r.pruner());
        o.put("resource", r.resource());
        o.put("metric", r.metric());
        o.put("direction", r.direction().lower());
        if (r.view() != null) {
            o.put("view", r.view());
        }
        if (r.minimum() != null) {
            o.put("minimum", r.minimum());
        }
        return o.toString();
    }

    static CellResult fromJson(JsonNode o) {
        List<Double> curve = new ArrayList<>();
        o.path("curve").forEach(v -> curve.add(v.isNull() ? null : v.asDouble()));
        return new CellResult(text(o, "task"), text(o, "proposer"), o.path("seed").asLong(), text(o, "status"),
                text(o, "reason"), number(o, "best"), curve, o.path("calls").asInt(), o.path("tokens").asLong(),
                number(o, "cost_usd"), o.path("fallbacks").asInt(), o.path("wall_s").asDouble(),
                o.path("proposer_ms").asDouble(), text(o, "model"), text(o, "cassette"), text(o, "metric"),
                Direction.parse("direction", text(o, "direction")), text(o, "view"), number(o, "minimum"),
                text(o, "pruner"), o.path("resource").asLong());
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }

    private static String text(JsonNode o, String key) {
        JsonNode v = o.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Double number(JsonNode o, String key) {
        JsonNode v = o.get(key);
        return v == null || v.isNull() ? null : v.asDouble();
    }
}
