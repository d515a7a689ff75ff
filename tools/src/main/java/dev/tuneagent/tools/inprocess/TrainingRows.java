package dev.tuneagent.tools.inprocess;

import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.space.CategoricalParam;
import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.space.IntParam;
import dev.tuneagent.core.space.OrdinalParam;
import dev.tuneagent.core.space.Param;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.tools.data.TaskKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hyperparameters that count training rows (knn's {@code k}) against the size of a training fold. A user's
 * space that reaches past it is refused before the study starts, naming the fold size; a default space
 * shrinks to fit, so {@code knn} on a small CSV works without a {@code space:}.
 */
final class TrainingRows {
    private TrainingRows() {
    }

    /** Folds deal rows round-robin (see {@link Folds}), so a test part holds at most ceil(rows / folds) rows. */
    static int smallestTrainingFold(int rows, int folds) {
        return rows - (rows + folds - 1) / folds;
    }

    /** The default space with every row-bounded range capped at the training-fold size. */
    static SearchSpace fit(ModelDef model, TaskKind kind, SearchSpace space, int trainRows) {
        List<Param> params = new ArrayList<>();
        for (Param p : space.params()) {
            boolean bounded = model.hyperparameter(p.name(), kind).map(Hyperparameter::atMostTrainingRows).orElse(false);
            if (bounded && p instanceof IntParam i && i.high() > trainRows) {
                // Shrunk ranges stay valid: two folds of at least two rows each leave a training part of two or more.
                long low = Math.min(i.low(), trainRows - 1L);
                params.add(new IntParam(i.name(), Math.max(1, low), Math.max(low + 1, trainRows), i.log()));
            } else {
                params.add(p);
            }
        }
        return new SearchSpace(params);
    }

    /** Refuses a user's space (or a left-out parameter's fixed value) that asks for more rows than a fold has. */
    static void check(ModelDef model, TaskKind kind, SearchSpace space, String dataset, int rows, int folds) {
        int trainRows = smallestTrainingFold(rows, folds);
        for (Hyperparameter h : model.hyperparameters(kind)) {
            if (!h.atMostTrainingRows()) {
                continue;
            }
            Optional<Param> p = space.param(h.name());
            double largest = p.map(TrainingRows::largest).orElse(((Number) h.fallback()).doubleValue());
            if (largest > trainRows) {
                String where = p.isPresent() ? "space." + h.name() : "space";
                String what = p.isPresent() ? "reaches " + show(largest)
                        : "leaves out " + h.name() + ", which then is " + show(largest);
                throw new ConfigException(where, what + ", but " + model.name() + " needs " + h.name()
                        + " <= the rows of a training fold: " + dataset + " has " + rows + " rows, so " + folds
                        + "-fold cross-validation trains on " + trainRows + " rows; lower " + h.name() + " to at most "
                        + trainRows + ", or use fewer folds or more rows");
            }
        }
    }

    private static double largest(Param p) {
        if (p instanceof IntParam i) {
            return i.high();
        }
        if (p instanceof FloatParam f) {
            return f.high();
        }
        List<Object> values = p instanceof CategoricalParam c ? c.choices() : ((OrdinalParam) p).values();
        return values.stream().filter(v -> v instanceof Number).mapToDouble(v -> ((Number) v).doubleValue())
                .max().orElse(0);
    }

    private static String show(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
