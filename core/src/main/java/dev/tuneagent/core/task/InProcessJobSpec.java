package dev.tuneagent.core.task;

/**
 * Train a bundled model on a bundled data set (or a user's CSV) with k-fold cross-validation,
 * inside this JVM.
 *
 * @param dataset a bundled data set name ({@code iris}, {@code wine}, ...) or a path to a CSV file
 *                (already resolved against the task file's directory)
 * @param model   a model name such as {@code random-forest}
 * @param folds   k of k-fold cross-validation (at least 2)
 * @param target  the target column of a user's CSV; null for bundled data sets
 */
public record InProcessJobSpec(String dataset, String model, int folds, String target) implements JobSpec {
    @Override
    public String type() {
        return "inprocess";
    }
}
