package dev.tuneagent.evals.bench;

import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.evals.functions.BenchmarkFunction;
import dev.tuneagent.evals.functions.BenchmarkFunctions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to benchmark.
 *
 * @param proposers  proposer names, resolved by a {@link ProposerCatalog}
 * @param seeds      runs per (proposer, function), with seeds 0..seeds-1
 * @param jobs       runs executed in parallel (more than one inflates ms/trial: the runs share the cores)
 * @param out        directory for the JSONL results and table.md, or null to only print
 * @param anchors    optuna-baseline.md or a directory of anchor JSONL results, or null
 * @param overhead   also measure ms per proposal at 50..500 observations in 6-D
 * @param regret     run the regret benchmark (false with {@code --overhead-only})
 */
public record BenchOptions(List<String> proposers, List<BenchmarkFunction> functions, int seeds, int trials,
                           int jobs, Path out, Path anchors, boolean overhead, int overheadRepetitions,
                           boolean regret) {

    public static final String USAGE = """
            usage: bench [--proposers LIST] [--functions all|LIST] [--seeds N] [--trials N] [--jobs N] [--out DIR]
                         [--anchors optuna-baseline.md|RESULTS_DIR] [--overhead] [--overhead-only] [--repetitions N]
              --proposers    comma-separated proposer names (default: all known: %s)
              --functions    all, or some of %s (default all)
              --seeds        seeds 0..N-1 per proposer and function (default 10)
              --trials       trials per run, one proposal each (default 100)
              --jobs         runs in parallel (default 1; more inflates ms/trial)
              --out          directory for <function>-tune-<proposer>.jsonl files and table.md
              --anchors      reference rows to print next to ours, and the issue's targets checked against them
              --overhead     also time one proposal with 50, 100, 200, 500 observations in 6-D
              --repetitions  repetitions per overhead cell (default 5)""";

    private static final List<String> OPTIONS = List.of("--proposers", "--functions", "--seeds", "--trials",
            "--jobs", "--out", "--anchors", "--overhead", "--overhead-only", "--repetitions", "--help");

    public BenchOptions {
        proposers = List.copyOf(proposers);
        functions = List.copyOf(functions);
        positive("--seeds", seeds);
        positive("--trials", trials);
        positive("--jobs", jobs);
        positive("--repetitions", overheadRepetitions);
    }

    /** Parses {@code --key value} / {@code --key=value} arguments; errors name the option and the value. */
    public static BenchOptions parse(List<String> args, ProposerCatalog catalog) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                throw ConfigException.of("arguments", a, "an option such as --seeds 10");
            }
            String key = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            String value;
            if (a.contains("=")) {
                value = a.substring(a.indexOf('=') + 1);
            } else if (key.equals("--overhead") || key.equals("--overhead-only") || key.equals("--help")) {
                value = "true";
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw ConfigException.of(key, null, "a value after " + key);
            }
            if (!OPTIONS.contains(key)) {
                throw ConfigException.of("arguments", key, "one of " + String.join(", ", OPTIONS));
            }
            kv.put(key, value);
        }
        List<String> proposers = kv.containsKey("--proposers")
                ? catalog.parse("--proposers", kv.get("--proposers")) : catalog.names();
        boolean overheadOnly = bool("--overhead-only", kv.getOrDefault("--overhead-only", "false"));
        return new BenchOptions(proposers, BenchmarkFunctions.parse("--functions", kv.getOrDefault("--functions", "all")),
                integer("--seeds", kv.getOrDefault("--seeds", "10")),
                integer("--trials", kv.getOrDefault("--trials", "100")),
                integer("--jobs", kv.getOrDefault("--jobs", "1")),
                kv.containsKey("--out") ? Path.of(kv.get("--out")) : null,
                kv.containsKey("--anchors") ? Path.of(kv.get("--anchors")) : null,
                overheadOnly || bool("--overhead", kv.getOrDefault("--overhead", "false")),
                integer("--repetitions", kv.getOrDefault("--repetitions", "5")), !overheadOnly);
    }

    public static boolean wantsHelp(List<String> args) {
        return args.contains("--help") || args.contains("-h");
    }

    /** The label of our rows in tables and result files; distinct from the anchors' sampler names. */
    public static String label(String proposer) {
        return "tune-" + proposer;
    }

    static String usage(ProposerCatalog catalog) {
        return USAGE.formatted(String.join(",", catalog.names()), String.join(",", BenchmarkFunctions.names()));
    }

    private static int integer(String path, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw ConfigException.of(path, text, "a whole number");
        }
    }

    private static boolean bool(String path, String text) {
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw ConfigException.of(path, text, "true or false");
    }

    private static void positive(String path, int v) {
        if (v < 1) {
            throw ConfigException.of(path, v, "a whole number of at least 1");
        }
    }
}
