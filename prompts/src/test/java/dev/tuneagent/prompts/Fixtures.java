package dev.tuneagent.prompts;

import dev.tuneagent.core.space.CategoricalParam;
import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.space.IntParam;
import dev.tuneagent.core.space.OrdinalParam;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.prompts.card.DataCard;
import dev.tuneagent.prompts.history.HistoryRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A fixed space, history and data card shared by the prompt tests. */
public final class Fixtures {
    public static final SearchSpace SPACE = SearchSpace.of(
            new FloatParam("lr", 1e-4, 1.0, true),
            new FloatParam("dropout", 0.0, 0.5, false),
            new IntParam("depth", 1, 20, false),
            new CategoricalParam("criterion", List.of("gini", "entropy")),
            new OrdinalParam("batch", List.of(16L, 32L, 64L)));

    public static final DataCard CARD = new DataCard("random forest", "accuracy", Direction.MAXIMIZE,
            "classification", 3, 150L, List.of("sepal_length", "sepal_width", "petal_length", "petal_width"), 0, 4,
            "species", "Classify iris flowers.");

    private Fixtures() {
    }

    public static Map<String, Object> config(double lr, double dropout, long depth, String criterion, long batch) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lr", lr);
        m.put("dropout", dropout);
        m.put("depth", depth);
        m.put("criterion", criterion);
        m.put("batch", batch);
        return m;
    }

    /** Eight completed trials with scores that are not monotone in the trial number. */
    public static List<HistoryRow> history() {
        List<HistoryRow> rows = new ArrayList<>();
        double[] scores = {0.71, 0.84, 0.66, 0.9012345678, 0.78, 0.93, 0.55, 0.88};
        for (int i = 0; i < scores.length; i++) {
            rows.add(new HistoryRow(i, config(Math.pow(10, -4 + 0.45 * i) * 1.2345, 0.0617 * i, 2 + 2L * i,
                    i % 2 == 0 ? "gini" : "entropy", List.of(16L, 32L, 64L).get(i % 3)), scores[i]));
        }
        return rows;
    }
}
