package dev.tuneagent.tools.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a data set looks like, for the LLM's data card and for users: sizes, column types and ranges,
 * the target's classes or range. Column names and labels come from the user's file: they are data
 * to be quoted, never instructions (the prompt layer escapes them).
 *
 * @param classCounts label to count, most frequent first (classification); empty for regression
 * @param targetMin   the smallest target value (regression); NaN for classification
 */
public record DatasetProfile(String name, int rows, List<FeatureSummary> features, String targetName, TaskKind kind,
                             Map<String, Integer> classCounts, double targetMin, double targetMax, double targetMean) {

    public DatasetProfile {
        features = List.copyOf(features);
        classCounts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(classCounts));
    }

    /** One feature column; {@code type} is {@code constant}, {@code binary} (two values), {@code integer} or {@code real}. */
    public record FeatureSummary(String name, String type, double min, double max, double mean) {
    }

    public static DatasetProfile profile(Dataset d) {
        int n = d.rows();
        List<FeatureSummary> features = new ArrayList<>();
        for (int j = 0; j < d.featureNames().size(); j++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            boolean integer = true;
            java.util.Set<Double> firstValues = new java.util.HashSet<>();
            for (double[] row : d.features()) {
                double v = row[j];
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
                integer &= v == Math.rint(v);
                if (firstValues.size() <= 2) {
                    firstValues.add(v);
                }
            }
            String type = firstValues.size() == 1 ? "constant" : firstValues.size() == 2 ? "binary"
                    : integer ? "integer" : "real";
            features.add(new FeatureSummary(d.featureNames().get(j), type, min, max, n == 0 ? Double.NaN : sum / n));
        }
        if (d.kind() == TaskKind.CLASSIFICATION) {
            Map<String, Integer> counts = new TreeMap<>();
            for (String label : d.labels()) {
                counts.merge(label, 1, Integer::sum);
            }
            Map<String, Integer> ordered = new LinkedHashMap<>();
            counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(e -> ordered.put(e.getKey(), e.getValue()));
            return new DatasetProfile(d.name(), n, features, d.targetName(), d.kind(), ordered,
                    Double.NaN, Double.NaN, Double.NaN);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (double y : d.numbers()) {
            min = Math.min(min, y);
            max = Math.max(max, y);
            sum += y;
        }
        return new DatasetProfile(d.name(), n, features, d.targetName(), d.kind(), Map.of(), min, max, sum / n);
    }
}
