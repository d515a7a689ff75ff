package dev.tuneagent.tools.inprocess;

import dev.tuneagent.core.space.CategoricalParam;
import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.space.IntParam;
import dev.tuneagent.core.space.Param;
import dev.tuneagent.tools.data.TaskKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One tunable setting of a model.
 *
 * @param range    the default search range (what {@code defaultSpace} offers)
 * @param fallback the value used when a user's space leaves the parameter out
 * @param min      the smallest value the trainer accepts (numeric parameters)
 * @param max      the largest value the trainer accepts (numeric parameters)
 * @param kinds    the task kinds the parameter applies to
 * @param atMostTrainingRows whether a value may not exceed the rows of a training fold (knn's k: Tribuo fails
 *                 with a NullPointerException when asked for more neighbours than there are rows)
 */
public record Hyperparameter(Param range, Object fallback, double min, double max, Set<TaskKind> kinds, String doc,
                             boolean atMostTrainingRows) {

    static final Set<TaskKind> BOTH = EnumSet.allOf(TaskKind.class);

    public String name() {
        return range.name();
    }

    /** The choices a categorical parameter allows (its default range lists all of them). */
    public List<Object> choices() {
        return range instanceof CategoricalParam c ? c.choices() : List.of();
    }

    static Hyperparameter integer(String name, long low, long high, boolean log, long fallback, double min,
                                  double max, String doc) {
        return new Hyperparameter(new IntParam(name, low, high, log), fallback, min, max, BOTH, doc, false);
    }

    static Hyperparameter real(String name, double low, double high, boolean log, double fallback, double min,
                               double max, String doc) {
        return new Hyperparameter(new FloatParam(name, low, high, log), fallback, min, max, BOTH, doc, false);
    }

    static Hyperparameter choice(String name, List<Object> choices, Object fallback, String doc) {
        return new Hyperparameter(new CategoricalParam(name, choices), fallback, Double.NaN, Double.NaN, BOTH, doc, false);
    }

    Hyperparameter only(TaskKind kind) {
        return new Hyperparameter(range, fallback, min, max, EnumSet.of(kind), doc, atMostTrainingRows);
    }

    Hyperparameter boundedByTrainingRows() {
        return new Hyperparameter(range, fallback, min, max, kinds, doc, true);
    }
}
