package dev.tuneagent.evals.functions;

import dev.tuneagent.core.config.ConfigException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The seven standard functions of {@code ../shared/anchors/functions.py}, with the same boxes, minima and
 * minimizers, so our regret curves are comparable with the Optuna anchors.
 */
public final class BenchmarkFunctions {
    private BenchmarkFunctions() {
    }

    public static final BenchmarkFunction BRANIN = new BenchmarkFunction("branin",
            new double[] {-5, 0}, new double[] {10, 15}, 0.397887357729739, new double[] {Math.PI, 2.275},
            Formulas::branin);
    public static final BenchmarkFunction HARTMANN3 = new BenchmarkFunction("hartmann3",
            filled(3, 0), filled(3, 1), -3.86277978733266, new double[] {0.1145889, 0.5556489, 0.8525470},
            Formulas::hartmann3);
    public static final BenchmarkFunction HARTMANN6 = new BenchmarkFunction("hartmann6",
            filled(6, 0), filled(6, 1), -3.32236801141551,
            new double[] {0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573}, Formulas::hartmann6);
    public static final BenchmarkFunction ACKLEY5 = new BenchmarkFunction("ackley5",
            filled(5, -32.768), filled(5, 32.768), 0.0, filled(5, 0.0), Formulas::ackley);
    public static final BenchmarkFunction ROSENBROCK4 = new BenchmarkFunction("rosenbrock4",
            filled(4, -5), filled(4, 10), 0.0, filled(4, 1.0), Formulas::rosenbrock);
    public static final BenchmarkFunction LEVY6 = new BenchmarkFunction("levy6",
            filled(6, -10), filled(6, 10), 0.0, filled(6, 1.0), Formulas::levy);
    public static final BenchmarkFunction STYBLINSKI_TANG8 = new BenchmarkFunction("styblinskitang8",
            filled(8, -5), filled(8, 5), -39.16616570377142 * 8, filled(8, -2.903534018185960),
            Formulas::styblinskiTang);

    private static final List<BenchmarkFunction> ALL =
            List.of(BRANIN, HARTMANN3, HARTMANN6, ACKLEY5, ROSENBROCK4, LEVY6, STYBLINSKI_TANG8);

    /** All functions, in the order of the anchors' table. */
    public static List<BenchmarkFunction> all() {
        return ALL;
    }

    public static Optional<BenchmarkFunction> find(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(f -> f.name().equals(key)).findFirst();
    }

    /**
     * Parses a user's list: {@code all} or comma-separated names. Throws {@link ConfigException} naming the
     * unknown entry and the known ones.
     */
    public static List<BenchmarkFunction> parse(String path, String list) {
        if (list == null || list.isBlank()) {
            throw ConfigException.of(path, list, "all or a comma-separated list of " + names());
        }
        if (list.trim().equalsIgnoreCase("all")) {
            return ALL;
        }
        List<BenchmarkFunction> out = new ArrayList<>();
        for (String part : list.split(",")) {
            BenchmarkFunction f = find(part)
                    .orElseThrow(() -> ConfigException.of(path, part.trim(), "one of all, " + String.join(", ", names())));
            if (!out.contains(f)) {
                out.add(f);
            }
        }
        return List.copyOf(out);
    }

    public static List<String> names() {
        return ALL.stream().map(BenchmarkFunction::name).toList();
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }
}
