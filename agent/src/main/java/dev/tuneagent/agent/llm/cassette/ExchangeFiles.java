package dev.tuneagent.agent.llm.cassette;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The files a cassette directory may hold, all read transparently and allowed side by side:
 * <ul>
 *   <li>{@code exchange-NNNN.json}: one exchange, as recording writes it;</li>
 *   <li>{@code exchange-NNNN.json.gz}: the same file compressed with gzip ({@code gzip -9n exchange-*.json});</li>
 *   <li>{@code exchanges.json.gz} (<em>packed</em>): a directory's exchange files concatenated, then gzip-compressed
 *       ({@code cat exchange-*.json | gzip -9n > exchanges.json.gz}). Each exchange keeps its own {@code sequence},
 *       so the order of concatenation does not matter. Compressing the exchanges of a cell together shares their
 *       repeated prompts: about ten times smaller than gzipping each file, which is how large recordings ship.</li>
 * </ul>
 * Recording always writes plain {@code exchange-NNNN.json}.
 */
public final class ExchangeFiles {
    /** The name of a packed cassette file. */
    public static final String PACKED = "exchanges.json.gz";
    private static final Pattern SINGLE = Pattern.compile("exchange-(\\d+)\\.json(\\.gz)?");

    private ExchangeFiles() {
    }

    /** Whether {@code file} is named like a cassette file: one exchange (plain or gzip) or a packed cassette. */
    public static boolean isExchange(Path file) {
        String name = file.getFileName().toString();
        return name.equals(PACKED) || SINGLE.matcher(name).matches();
    }

    /**
     * The highest exchange number a cassette file holds (0 when it is not a cassette file). A single exchange is
     * numbered by its name, so a file another recorder is still writing is never read.
     */
    static int highestSequence(Path file) throws IOException {
        Matcher m = SINGLE.matcher(file.getFileName().toString());
        if (m.matches()) {
            return Integer.parseInt(m.group(1));
        }
        int max = 0;
        if (isPacked(file)) {
            for (JsonNode n : readTrees(file)) {
                max = Math.max(max, n.path("sequence").asInt());
            }
        }
        return max;
    }

    static boolean isCompressed(Path file) {
        return file.getFileName().toString().endsWith(".gz");
    }

    static boolean isPacked(Path file) {
        return file.getFileName().toString().equals(PACKED);
    }

    /**
     * The file's text (UTF-8), decompressed when its name ends in {@code .gz}.
     *
     * @throws NotGzip when a {@code .gz} file is not a complete gzip stream (truncated, or not gzip at all)
     */
    public static String readText(Path file) throws IOException {
        if (!isCompressed(file)) {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw e;
        } catch (IOException e) {
            // ZipException ("Not in GZIP format"), EOFException ("Unexpected end of ZLIB input stream"), ...
            throw new NotGzip(file, e);
        }
    }

    /**
     * The JSON documents in a cassette file (numbers kept exactly): exactly one for {@code exchange-NNNN.json[.gz]},
     * one or more for a packed file. Whether each is an exchange is the caller's check.
     */
    public static List<JsonNode> readTrees(Path file) throws IOException {
        String text = readText(file);
        List<JsonNode> out = new ArrayList<>();
        try (MappingIterator<JsonNode> it = CassetteJson.MAPPER.readerFor(JsonNode.class).readValues(text)) {
            while (it.hasNextValue()) {
                out.add(it.nextValue());
            }
        }
        if (out.isEmpty() || (!isPacked(file) && out.size() > 1)) {
            throw new IOException(out.isEmpty() ? "the file holds no JSON"
                    : "the file holds " + out.size() + " JSON documents; only " + PACKED + " may hold several");
        }
        return out;
    }

    /** A {@code .gz} cassette file that does not decompress. */
    public static final class NotGzip extends IOException {
        NotGzip(Path file, IOException cause) {
            super(file + " is not a readable gzip file (" + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")", cause);
        }
    }
}
