package dev.tuneagent.evals.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tuneagent.agent.llm.cassette.ExchangeFiles;
import dev.tuneagent.core.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code recording.json} at the root of an eval's recordings: which model was recorded, at which base URL, and
 * what produced the exchanges. A replay takes the model and the base URL from here (never from the environment):
 * the base URL decides request settings such as the reply format, so a replay sends exactly the recorded requests
 * whatever {@code OPENAI_BASE_URL} says. The base URL is never contacted in replay.
 */
public record Recordings(String model, String baseUrl, String recordedWith) {
    public static final String FILE = "recording.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static Recordings read(Path dir) {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            throw new ConfigException("--llm", "replay:" + dir + " holds no " + FILE + "; record one with --llm record:"
                    + dir + " (see docs/eval.md)");
        }
        try {
            JsonNode n = JSON.readTree(f.toFile());
            return new Recordings(n.path("model").asText(null), n.path("base_url").asText(null),
                    n.path("recorded_with").asText(null));
        } catch (IOException e) {
            throw new ConfigException("--llm", "cannot read " + f + ": " + e.getMessage());
        }
    }

    /** Writes the manifest, or checks that an existing one names the same model (one recording per model). */
    public static void writeOrCheck(Path dir, Recordings r) {
        Path f = dir.resolve(FILE);
        if (Files.isRegularFile(f)) {
            Recordings old = read(dir);
            if (!r.model().equals(old.model())) {
                throw new ConfigException("--llm", "record:" + dir + " holds recordings of " + old.model()
                        + ", not " + r.model() + "; record into another directory");
            }
            return;
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("model", r.model());
        o.put("base_url", r.baseUrl());
        o.put("recorded_with", r.recordedWith());
        try {
            Files.createDirectories(dir);
            Files.writeString(f, o.toPrettyString() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + f, e);
        }
    }

    /** A base URL without credentials, query or fragment: safe to write down. */
    static String safeUrl(String url) {
        if (url == null) {
            return null;
        }
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort())
                + (u.getPath() == null ? "" : u.getPath());
    }

    /** Whether a cell's cassette directory holds any recorded exchange (plain, gzip-compressed or packed). */
    static boolean hasExchanges(Path cellDir) {
        if (!Files.isDirectory(cellDir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(cellDir)) {
            return s.anyMatch(ExchangeFiles::isExchange);
        } catch (IOException e) {
            return false;
        }
    }

    /** The distinct {@code recorded_with} texts of the exchanges in a cell's cassette (for the report). */
    public static Set<String> recordedWith(Path cellDir) {
        Set<String> out = new LinkedHashSet<>();
        if (!Files.isDirectory(cellDir)) {
            return out;
        }
        try (Stream<Path> s = Files.list(cellDir)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                if (ExchangeFiles.isExchange(p)) {
                    for (JsonNode exchange : ExchangeFiles.readTrees(p)) {
                        String w = exchange.path("recorded_with").asText(null);
                        if (w != null) {
                            out.add(w);
                        }
                    }
                }
            }
        } catch (IOException e) {
            out.add("(unreadable: " + e.getMessage() + ")");
        }
        return out;
    }
}
