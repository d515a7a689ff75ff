package dev.tuneagent.evals.bench;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One row of the regret table, as printed: cells already formatted ({@code "-0.74 [-0.91, -0.62]"}, or empty
 * when no run reached that checkpoint) and the medians as displayed, for the target check.
 *
 * @param medians checkpoint to the median log10 regret rounded to two decimals, as in the printed cell
 */
public record TableRow(String function, String sampler, List<String> cells, String msPerTrial,
                       Map<Integer, Double> medians) {

    public TableRow {
        cells = List.copyOf(cells);
        medians = Map.copyOf(medians);
    }

    public OptionalDouble medianAt(int checkpoint) {
        Double m = medians.get(checkpoint);
        return m == null ? OptionalDouble.empty() : OptionalDouble.of(m);
    }

    public String markdown() {
        return "| " + function + " | " + sampler + " | " + String.join(" | ", cells) + " | " + msPerTrial + " |";
    }
}
