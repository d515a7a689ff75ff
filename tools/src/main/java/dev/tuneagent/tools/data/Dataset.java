package dev.tuneagent.tools.data;

import java.util.List;

/**
 * A table ready for training: numeric features and one target column.
 *
 * @param name     the bundled name ({@code wine}) or the CSV path as given
 * @param features row-major feature values, {@code features[row][column]}
 * @param labels   the target as text, one per row (class labels; for a numeric target its text)
 * @param numbers  the target as numbers, or null when some target cell is not a number
 * @param kind     what the data set is for when nothing else says (bundled: fixed; CSV: inferred)
 */
public record Dataset(String name, List<String> featureNames, double[][] features, String targetName,
                      List<String> labels, double[] numbers, TaskKind kind) {

    /** A numeric target with at most this many distinct integer values is taken as class labels. */
    public static final int MAX_CLASSES_FOR_NUMERIC_TARGET = 20;

    public Dataset {
        featureNames = List.copyOf(featureNames);
        labels = List.copyOf(labels);
    }

    public int rows() {
        return features.length;
    }

    public boolean numericTarget() {
        return numbers != null;
    }

    /** Classification unless the target is numeric with many distinct or fractional values. */
    public static TaskKind infer(double[] numbers, List<String> labels) {
        if (numbers == null) {
            return TaskKind.CLASSIFICATION;
        }
        long distinct = labels.stream().distinct().count();
        for (double v : numbers) {
            if (v != Math.rint(v)) {
                return TaskKind.REGRESSION;
            }
        }
        return distinct <= MAX_CLASSES_FOR_NUMERIC_TARGET ? TaskKind.CLASSIFICATION : TaskKind.REGRESSION;
    }
}
