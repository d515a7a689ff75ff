package dev.tuneagent.evals.bench;

import dev.tuneagent.core.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference rows (Optuna, sk_gp_ei) we compare against: parsed from the Markdown table of
 * {@code optuna-baseline.md}, or computed from a directory of the anchors' JSONL results.
 */
public final class AnchorTable {
    private AnchorTable() {
    }

    public static List<TableRow> load(Path path, List<Integer> checkpoints) {
        if (Files.isDirectory(path) || path.toString().endsWith(".jsonl")) {
            return SummaryTable.rows(ResultsJsonl.read(path), checkpoints);
        }
        try {
            return parseMarkdown(path.toString(), Files.readAllLines(path), checkpoints);
        } catch (IOException e) {
            throw new ConfigException("--anchors", "cannot read " + path + ": " + e.getMessage());
        }
    }

    /**
     * Reads the first table whose header starts with {@code | function | sampler |}. Checkpoints missing from
     * the file's header give empty cells.
     */
    static List<TableRow> parseMarkdown(String where, List<String> lines, List<Integer> checkpoints) {
        List<TableRow> rows = new ArrayList<>();
        List<String> header = null;
        for (String line : lines) {
            if (!line.startsWith("|")) {
                if (header != null) {
                    break;
                }
                continue;
            }
            List<String> cells = split(line);
            if (header == null) {
                if (cells.size() >= 3 && cells.get(0).equals("function") && cells.get(1).equals("sampler")) {
                    header = cells;
                }
                continue;
            }
            if (cells.get(0).startsWith("---")) {
                continue;
            }
            if (cells.size() != header.size()) {
                throw new ConfigException(where, "table row has " + cells.size() + " cells, header has "
                        + header.size() + ": " + line);
            }
            List<String> out = new ArrayList<>();
            Map<Integer, Double> medians = new HashMap<>();
            for (int n : checkpoints) {
                int col = header.indexOf("@" + n);
                String cell = col < 0 ? "" : cells.get(col);
                out.add(cell);
                if (!cell.isEmpty()) {
                    medians.put(n, median(where, cell));
                }
            }
            int ms = header.indexOf("ms/trial");
            rows.add(new TableRow(cells.get(0), cells.get(1), out, ms < 0 ? "" : cells.get(ms), medians));
        }
        if (header == null) {
            throw new ConfigException(where, "no table with a '| function | sampler |' header found");
        }
        return rows;
    }

    private static double median(String where, String cell) {
        String first = cell.split(" ", 2)[0];
        try {
            return Double.parseDouble(first);
        } catch (NumberFormatException e) {
            throw new ConfigException(where, "cell \"" + cell + "\" does not start with a number");
        }
    }

    private static List<String> split(String line) {
        String body = line.trim();
        body = body.substring(1, body.endsWith("|") ? body.length() - 1 : body.length());
        return Arrays.stream(body.split("\\|", -1)).map(String::trim).toList();
    }
}
