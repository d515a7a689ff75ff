package dev.tuneagent.tools.inprocess;

import dev.tuneagent.core.study.Direction;
import dev.tuneagent.tools.data.TaskKind;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The metrics an in-process job reports, each the mean over the cross-validation folds. */
public enum Metric {
    ACCURACY("accuracy", TaskKind.CLASSIFICATION, Direction.MAXIMIZE, "share of correctly classified rows"),
    F1("f1", TaskKind.CLASSIFICATION, Direction.MAXIMIZE, "macro-averaged F1 over the classes"),
    LOG_LOSS("log-loss", TaskKind.CLASSIFICATION, Direction.MINIMIZE,
            "mean negative log-probability of the true class (needs a model that gives probabilities)"),
    RMSE("rmse", TaskKind.REGRESSION, Direction.MINIMIZE, "root mean squared error"),
    MAE("mae", TaskKind.REGRESSION, Direction.MINIMIZE, "mean absolute error"),
    R2("r2", TaskKind.REGRESSION, Direction.MAXIMIZE, "coefficient of determination R²");

    private final String key;
    private final TaskKind kind;
    private final Direction direction;
    private final String description;

    Metric(String key, TaskKind kind, Direction direction, String description) {
        this.key = key;
        this.kind = kind;
        this.direction = direction;
        this.description = description;
    }

    /** The name in task files and in the metrics map ({@code log-loss}); the fold std is {@code key + "_std"}. */
    public String key() {
        return key;
    }

    public TaskKind kind() {
        return kind;
    }

    public Direction direction() {
        return direction;
    }

    public String description() {
        return description;
    }

    public static Optional<Metric> parse(String name) {
        return Arrays.stream(values()).filter(m -> m.key.equals(name)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(Metric::key).toList();
    }

    public static List<Metric> forKind(TaskKind kind) {
        return Arrays.stream(values()).filter(m -> m.kind == kind).toList();
    }
}
