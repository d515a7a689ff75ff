package dev.tuneagent.evals.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tuneagent.core.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Result lines in the anchors' format, one JSON object per run:
 * {@code {"function","sampler","seed","regret":[...],"ms_per_trial"}}, so {@code summarize.py} reads ours and
 * Optuna's files together.
 */
public final class ResultsJsonl {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultsJsonl() {
    }

    public static String line(RunResult r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("function", r.function());
        o.put("sampler", r.sampler());
        o.put("seed", r.seed());
        ArrayNode regret = o.putArray("regret");
        for (double v : r.regret()) {
            regret.add(v);
        }
        o.put("ms_per_trial", r.msPerTrial());
        return o.toString();
    }

    public static RunResult parse(String where, String line) {
        try {
            JsonNode o = JSON.readTree(line);
            JsonNode regret = o.get("regret");
            if (o.get("function") == null || o.get("sampler") == null || o.get("seed") == null || regret == null
                    || !regret.isArray() || o.get("ms_per_trial") == null) {
                throw new ConfigException(where, "expected a JSON object with function, sampler, seed, regret[] and"
                        + " ms_per_trial");
            }
            double[] curve = new double[regret.size()];
            for (int i = 0; i < curve.length; i++) {
                curve[i] = regret.get(i).asDouble();
            }
            return new RunResult(o.get("function").asText(), o.get("sampler").asText(), o.get("seed").asLong(),
                    curve, o.get("ms_per_trial").asDouble());
        } catch (JsonProcessingException e) {
            throw new ConfigException(where, "not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Writes the runs as {@code function-sampler.jsonl} files in {@code dir}, replacing files of those names. */
    public static List<Path> write(Path dir, List<RunResult> results) {
        try {
            Files.createDirectories(dir);
            List<Path> written = new ArrayList<>();
            for (RunResult r : results) {
                Path file = dir.resolve(r.function() + "-" + r.sampler() + ".jsonl");
                if (!written.contains(file)) {
                    Files.deleteIfExists(file);
                    written.add(file);
                }
                Files.writeString(file, line(r) + "\n", java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + dir, e);
        }
    }

    /** Reads one .jsonl file, or every .jsonl file of a directory. */
    public static List<RunResult> read(Path path) {
        try {
            List<Path> files;
            if (Files.isDirectory(path)) {
                try (Stream<Path> s = Files.list(path)) {
                    files = s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
                }
            } else {
                files = List.of(path);
            }
            List<RunResult> out = new ArrayList<>();
            for (Path f : files) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    if (!lines.get(i).isBlank()) {
                        out.add(parse(f + ":" + (i + 1), lines.get(i)));
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new ConfigException(path.toString(), "cannot read results: " + e.getMessage());
        }
    }
}
