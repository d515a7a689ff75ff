package dev.tuneagent.agent.llm.cassette;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tuneagent.core.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The exchanges of a replay directory (plain, gzip-compressed or packed: see {@link ExchangeFiles}), read eagerly when the model is built: a directory that does not exist, holds
 * no exchange or holds a file that is not a readable exchange is a {@link ConfigException} naming the path, so the
 * command stops before it creates a study rather than running the whole study on the fallback.
 */
final class Recordings {
    private Recordings() {
    }

    /**
     * A replay directory's exchanges in recorded order, and the file each came from (by sequence number), to name
     * it in a cassette miss.
     */
    record Loaded(List<Exchange> exchanges, Map<Integer, String> files) {
    }

    static Loaded load(Path dir, String rerecordHint) {
        String fix = " Record one with --cassette record:" + dir + rerecordHint + ".";
        if (!Files.isDirectory(dir)) {
            throw new ConfigException("cassette", "cannot replay " + dir + ": "
                    + (Files.exists(dir) ? "it is not a directory." : "the directory does not exist.") + fix);
        }
        List<Exchange> all = new ArrayList<>();
        Map<Integer, String> files = new HashMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : (Iterable<Path>) list.sorted()::iterator) {
                if (!ExchangeFiles.isExchange(p)) {
                    continue;
                }
                for (Exchange e : read(p, rerecordHint)) {
                    String twin = files.putIfAbsent(e.sequence(), p.getFileName().toString());
                    // e.g. exchange-0003.json beside its own .json.gz: replaying both would serve it twice. Plain
                    // files alone are never refused (hand-written cassettes may leave every sequence at 0).
                    if (twin != null && (twin.endsWith(".gz") || ExchangeFiles.isCompressed(p))) {
                        String where = twin.equals(p.getFileName().toString()) ? "twice in " + twin
                                : "in both " + twin + " and " + p.getFileName();
                        throw new ConfigException("cassette", "cannot replay " + dir + ": exchange " + e.sequence()
                                + " is " + where + "; keep one of them (after compressing, remove the plain "
                                + "exchange-NNNN.json files).");
                    }
                    all.add(e);
                }
            }
        } catch (IOException e) {
            throw new ConfigException("cassette", "cannot list " + dir + ": " + e.getMessage());
        }
        if (all.isEmpty()) {
            throw new ConfigException("cassette", "cannot replay " + dir + ": it holds no exchange-NNNN.json, "
                    + "exchange-NNNN.json.gz or " + ExchangeFiles.PACKED + " file." + fix);
        }
        all.sort(Comparator.comparingInt(Exchange::sequence));
        return new Loaded(List.copyOf(all), Map.copyOf(files));
    }

    private static List<Exchange> read(Path file, String rerecordHint) {
        String problem;
        try {
            List<Exchange> out = new ArrayList<>();
            for (JsonNode root : ExchangeFiles.readTrees(file)) {
                if (root == null || !root.path("request").isObject() || !root.path("response").isObject()
                        || !root.path("response").path("status").isInt()) {
                    out = null;
                    break;
                }
                out.add(Exchange.fromJson(root));
            }
            if (out != null) {
                return out;
            }
            problem = "it is JSON but not a recorded exchange (no request, or no response with a status)";
        } catch (ExchangeFiles.NotGzip e) {
            problem = "it is not a readable gzip file (" + firstLine(e.getCause().getMessage()) + ")";
        } catch (IOException e) {
            problem = "it is not readable JSON (" + firstLine(e.getMessage()) + ")";
        }
        throw new ConfigException("cassette", "cannot replay " + file + ": " + problem
                + ". Restore the file or re-record into an empty directory with --cassette record:DIR" + rerecordHint
                + ".");
    }

    /**
     * True when the recorded requests asked for a structured reply ({@code response_format}), i.e. the recording
     * was made with a model that supports a JSON schema: replay must send the same requests.
     */
    static boolean askedForJson(List<Exchange> exchanges) {
        for (Exchange e : exchanges) {
            JsonNode body = CassetteJson.parseOrNull(e.requestBody());
            if (body != null && body.path("response_format").isObject()) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "no detail";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
