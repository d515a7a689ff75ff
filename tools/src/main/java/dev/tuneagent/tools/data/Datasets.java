package dev.tuneagent.tools.data;

import dev.tuneagent.core.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds a data set by bundled name or CSV path and keeps it loaded: a study evaluates the same data
 * set many times. One instance per application (the launcher and the catalog share it).
 */
public final class Datasets {
    private final Map<Key, Dataset> cache = new ConcurrentHashMap<>();

    private record Key(String dataset, String target) {
    }

    /** True when {@code dataset} names a bundled data set rather than a file. */
    public static boolean isBundled(String dataset) {
        return BundledDataset.named(dataset).isPresent();
    }

    /**
     * Loads a bundled data set ({@code target} must be null or its own target) or a CSV file.
     *
     * @throws ConfigException naming {@code job.dataset} or {@code job.target} when it cannot be used
     */
    public Dataset load(String dataset, String target) {
        if (dataset == null || dataset.isBlank()) {
            throw new ConfigException("job.dataset", "missing; name a bundled data set (" + String.join(", ",
                    BundledDataset.names()) + ") or give the path of a CSV file");
        }
        Dataset d = cache.get(new Key(dataset, target));
        if (d == null) {
            d = read(dataset, target);
            cache.putIfAbsent(new Key(dataset, target), d);
        }
        return d;
    }

    private static Dataset read(String dataset, String target) {
        var bundled = BundledDataset.named(dataset);
        if (bundled.isPresent()) {
            BundledDataset b = bundled.get();
            if (target != null && !target.equals(b.target())) {
                throw new ConfigException("job.target", "the bundled data set " + b.name() + " has the target "
                        + Text.quote(b.target()) + ", not " + Text.quote(target) + "; remove job.target");
            }
            InputStream in = Datasets.class.getResourceAsStream("/datasets/" + b.resource());
            Objects.requireNonNull(in, "missing resource /datasets/" + b.resource());
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return CsvDatasetReader.read(b.name(), r, b.target(), b.kind());
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the bundled data set " + b.name(), e);
            }
        }
        if (!looksLikeFile(dataset)) {
            throw new ConfigException("job.dataset", "unknown data set " + Text.quote(dataset) + "; choose one of "
                    + String.join(", ", BundledDataset.names()) + ", or give the path of a CSV file");
        }
        Path path = Path.of(dataset);
        if (!Files.exists(path)) {
            throw new ConfigException("job.dataset", "no such file: " + dataset);
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new ConfigException("job.dataset", dataset + " is not a readable file");
        }
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return CsvDatasetReader.read(dataset, r, target, null);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ConfigException("job.dataset", dataset + " is not UTF-8 text; save it as UTF-8 CSV");
        } catch (IOException e) {
            throw new ConfigException("job.dataset", "cannot read " + dataset + ": " + e.getMessage());
        }
    }

    static boolean looksLikeFile(String dataset) {
        return dataset.contains("/") || dataset.contains("\\") || dataset.toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
    }
}
