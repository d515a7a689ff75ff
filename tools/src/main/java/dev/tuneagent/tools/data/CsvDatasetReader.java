package dev.tuneagent.tools.data;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.tuneagent.core.config.ConfigException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a CSV file with a header row into a {@link Dataset}. Strict: every feature cell must be a
 * finite decimal number, every row as wide as the header, column names unique. Errors are
 * {@link ConfigException}s naming the row and the column (row 1 is the first row after the header).
 */
public final class CsvDatasetReader {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    private CsvDatasetReader() {
    }

    /**
     * @param name   shown in messages (a path or a bundled name)
     * @param target the target column's name
     * @param kind   the task kind, or null to infer it from the target column
     */
    public static Dataset read(String name, Reader in, String target, TaskKind kind) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).with(CsvSchema.emptySchema()).readValues(in)) {
            while (it.hasNextValue()) {
                String[] row = it.nextValue();
                if (!(row.length == 0 || row.length == 1 && row[0].isBlank())) {
                    rows.add(row);
                }
            }
        } catch (RuntimeException e) {
            throw new ConfigException("job.dataset", name + " is not readable as CSV: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new ConfigException("job.dataset", name + " is empty; expected a CSV file with a header row"
                    + " and one row per example");
        }
        List<String> header = header(name, rows.get(0));
        int targetIndex = header.indexOf(target);
        if (target == null || target.isBlank()) {
            throw new ConfigException("job.target", "missing; a CSV data set needs target: naming its label column"
                    + " (columns: " + Text.list(header, 30) + ")");
        }
        if (targetIndex < 0) {
            throw new ConfigException("job.target", "column " + Text.quote(target) + " is not in " + name
                    + "; its columns are " + Text.list(header, 30));
        }
        if (rows.size() == 1) {
            throw new ConfigException("job.dataset", name + " has a header row but no data rows");
        }
        if (header.size() < 2) {
            throw new ConfigException("job.dataset", name + " has only the target column; at least one feature"
                    + " column is needed");
        }
        int n = rows.size() - 1;
        int p = header.size() - 1;
        double[][] x = new double[n][p];
        List<String> labels = new ArrayList<>(n);
        double[] numbers = new double[n];
        boolean numeric = true;
        for (int r = 0; r < n; r++) {
            String[] row = rows.get(r + 1);
            if (row.length != header.size()) {
                throw new ConfigException("job.dataset", name + " row " + (r + 1) + " has " + row.length
                        + " cells but the header has " + header.size());
            }
            int j = 0;
            for (int c = 0; c < row.length; c++) {
                String cell = row[c].strip();
                if (c == targetIndex) {
                    if (cell.isEmpty()) {
                        throw new ConfigException("job.dataset", name + " row " + (r + 1) + ", target column "
                                + Text.quote(target) + ": the cell is empty; every row needs a target value");
                    }
                    labels.add(cell);
                    if (numeric && NUMBER.matcher(cell).matches()) {
                        numbers[r] = Double.parseDouble(cell);
                    } else {
                        numeric = false;
                    }
                    continue;
                }
                x[r][j++] = number(name, r + 1, header.get(c), cell);
            }
        }
        double[] y = numeric ? numbers : null;
        List<String> features = new ArrayList<>(header);
        features.remove(targetIndex);
        return new Dataset(name, features, x, target, labels, y, kind != null ? kind : Dataset.infer(y, labels));
    }

    private static List<String> header(String name, String[] cells) {
        List<String> header = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < cells.length; c++) {
            String h = cells[c].strip();
            if (c == 0 && h.startsWith("\uFEFF")) {
                h = h.substring(1).strip(); // a byte-order mark written by spreadsheet programs
            }
            if (h.isEmpty()) {
                throw new ConfigException("job.dataset", name + " header column " + (c + 1) + " has no name;"
                        + " the first row must name every column");
            }
            Integer before = seen.putIfAbsent(h, c + 1);
            if (before != null) {
                throw new ConfigException("job.dataset", name + " header names column " + Text.quote(h)
                        + " twice (columns " + before + " and " + (c + 1) + ")");
            }
            header.add(h);
        }
        return header;
    }

    private static double number(String name, int row, String column, String cell) {
        if (cell.isEmpty()) {
            throw new ConfigException("job.dataset", name + " row " + row + ", column " + Text.quote(column)
                    + ": the cell is empty; missing values are not supported (fill or drop them first)");
        }
        if (!NUMBER.matcher(cell).matches()) {
            throw new ConfigException("job.dataset", name + " row " + row + ", column " + Text.quote(column)
                    + ": " + Text.quote(cell) + " is not a number; feature columns must be numeric"
                    + " (encode categories as numbers first)");
        }
        double v = Double.parseDouble(cell);
        if (!Double.isFinite(v)) {
            throw new ConfigException("job.dataset", name + " row " + row + ", column " + Text.quote(column)
                    + ": " + Text.quote(cell) + " is too large for a double");
        }
        return v;
    }
}
