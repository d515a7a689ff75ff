package dev.tuneagent.agent.conversation;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A first look at a user's CSV before anyone knows its target column: per column the type, missing cells and a
 * few distinct values, and which columns could be the target (few distinct values: a class label; many numbers:
 * a regression target). The strict reader used for training needs a target; this one does not.
 */
final class CsvGlance {
    static final int MAX_CLASSES = 20;
    private static final int MAX_ROWS = 200_000;
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    private CsvGlance() {
    }

    private static final class Column {
        final String name;
        int missing;
        boolean numeric = true;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        final Map<String, Integer> counts = new LinkedHashMap<>();
        boolean manyValues;

        Column(String name) {
            this.name = name;
        }

        void add(String raw) {
            String cell = raw == null ? "" : raw.strip();
            if (cell.isEmpty() || cell.equalsIgnoreCase("na") || cell.equalsIgnoreCase("nan")) {
                missing++;
                return;
            }
            if (numeric && NUMBER.matcher(cell).matches()) {
                double v = Double.parseDouble(cell);
                min = Math.min(min, v);
                max = Math.max(max, v);
            } else {
                numeric = false;
            }
            if (!manyValues) {
                counts.merge(cell, 1, Integer::sum);
                manyValues = counts.size() > MAX_CLASSES;
            }
        }
    }

    static ObjectNode glance(Path file, String shownName) {
        List<Column> columns = new ArrayList<>();
        int rows = 0;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<String[]> it = CSV.readerFor(String[].class).with(CsvSchema.emptySchema()).readValues(r)) {
            while (it.hasNextValue() && rows < MAX_ROWS) {
                String[] row = it.nextValue();
                if (row.length == 0 || row.length == 1 && row[0].isBlank()) {
                    continue;
                }
                if (columns.isEmpty()) {
                    for (String h : row) {
                        columns.add(new Column(h.strip()));
                    }
                    continue;
                }
                rows++;
                for (int c = 0; c < columns.size(); c++) {
                    columns.get(c).add(c < row.length ? row[c] : null);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new ToolRefusal(shownName + " is not readable as a UTF-8 CSV file: " + e.getMessage());
        }
        if (columns.isEmpty()) {
            throw new ToolRefusal(shownName + " is empty; expected a CSV file with a header row");
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("path", shownName).put("rows", rows).put("columns", columns.size());
        ArrayNode cols = out.putArray("column_details");
        ArrayNode candidates = out.putArray("target_candidates");
        for (Column c : columns) {
            ObjectNode o = cols.addObject().put("name", c.name).put("type", c.numeric ? "number" : "text")
                    .put("missing", c.missing);
            if (c.numeric && c.min <= c.max) {
                o.put("min", c.min).put("max", c.max);
            }
            o.put("distinct", c.manyValues ? "more than " + MAX_CLASSES : String.valueOf(c.counts.size()));
            if (!c.manyValues && c.counts.size() >= 2) {
                ObjectNode cand = candidates.addObject().put("column", c.name).put("task", "classification");
                ObjectNode balance = cand.putObject("class_counts");
                c.counts.forEach(balance::put);
            } else if (c.numeric && c.manyValues) {
                candidates.addObject().put("column", c.name).put("task", "regression");
            }
        }
        if (columns.stream().anyMatch(c -> c.missing > 0)) {
            out.put("note", "columns with missing cells cannot be used for training as they are: every feature cell "
                    + "must be a number and every row needs a target value");
        }
        return out;
    }
}
