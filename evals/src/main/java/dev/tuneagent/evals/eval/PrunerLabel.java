package dev.tuneagent.evals.eval;

import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.prune.MedianPruner;
import dev.tuneagent.core.prune.Pruner;
import dev.tuneagent.core.prune.SuccessiveHalvingPruner;
import java.util.ArrayList;
import java.util.List;

/**
 * The pruner as a dimension of the cells ({@code --pruner none,median,asha}): a cell's label is its proposer
 * ({@code gp}) without pruning, else {@code PROPOSER+PRUNER} ({@code gp+median}), so every table of the report
 * compares the combinations side by side; {@code results.jsonl} also has the parts as {@code pruner}.
 */
public final class PrunerLabel {
    public static final List<String> NAMES = List.of("none", "median", "asha");

    private PrunerLabel() {
    }

    /** The cell labels of proposers × pruners, proposer-major. */
    public static List<String> labels(List<String> proposers, List<String> pruners) {
        List<String> out = new ArrayList<>();
        for (String p : proposers) {
            for (String r : pruners) {
                out.add(r.equals("none") || p.equals(DefaultProposer.NAME) ? p : p + "+" + r);
            }
        }
        return out.stream().distinct().toList();
    }

    public static String proposer(String label) {
        int plus = label.indexOf('+');
        return plus < 0 ? label : label.substring(0, plus);
    }

    public static String pruner(String label) {
        int plus = label.indexOf('+');
        return plus < 0 ? "none" : label.substring(plus + 1);
    }

    /**
     * The pruner of a label with Optuna's settings: median after 5 complete trials from the second step, ASHA with
     * reduction factor 3 from the first step. (Steps are CV folds for ML tasks; test functions report none.)
     */
    public static Pruner of(String label) {
        return switch (pruner(label)) {
            case "none" -> Pruner.NONE;
            case "median" -> new MedianPruner(5, 1, 1, 1);
            case "asha" -> new SuccessiveHalvingPruner(1, 3, 0, 0);
            default -> throw ConfigException.of("--pruner", pruner(label), "a comma-separated list of "
                    + String.join(", ", NAMES));
        };
    }

    static List<String> parse(String list) {
        List<String> out = new ArrayList<>();
        for (String part : list.split(",")) {
            String p = part.trim().toLowerCase(java.util.Locale.ROOT);
            if (!NAMES.contains(p)) {
                throw ConfigException.of("--pruner", part.trim(), "a comma-separated list of " + String.join(", ", NAMES));
            }
            if (!out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }
}
