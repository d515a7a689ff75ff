package dev.tuneagent.evals.eval;

import dev.tuneagent.core.config.ConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code tune eval} runs. Cells are proposer × task × seed; seeds are 0..seeds-1.
 *
 * @param suite       {@code synthetic}, {@code ml} or a suite file ({@code tasks:} list of task files)
 * @param tasks       only these task names of the suite (empty: all)
 * @param llm         {@code off}, {@code record:DIR} or {@code replay:DIR} for the LLM proposers' cells
 * @param view        anonymized or plain instances of the synthetic functions ({@link View#AUTO}: anonymized
 *                    exactly when an LLM proposer is in the run)
 * @param sqlite      each cell's study in its own SQLite file under {@code out/studies} (else in memory)
 * @param proposers   cell labels: a proposer, or PROPOSER+PRUNER with {@code --pruner} (see {@link PrunerLabel})
 * @param checkpoints trial counts the report looks at (those beyond the budget are dropped; the budget is added)
 * @param retryFailed cells whose line says {@code failed} are run again (their lines are replaced)
 * @param reportOnly  rebuild summary.md, results.csv and plots from results.jsonl without running anything
 */
public record EvalOptions(String suite, List<String> tasks, List<String> proposers, int seeds, int trials, Path out,
                          int jobs, String model, LlmMode llm, View view, boolean sqlite, List<Integer> checkpoints,
                          boolean retryFailed, boolean reportOnly) {

    /** Contamination control for the synthetic suite (issue 9, item 4). */
    public enum View {
        AUTO, ANONYMIZED, PLAIN;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final List<Integer> DEFAULT_CHECKPOINTS = List.of(5, 10, 25, 50);

    public static final String USAGE = """
            usage: tune eval --suite synthetic|ml|FILE.yaml --proposers p,q --out DIR [--tasks a,b] [--seeds N]
                             [--trials T] [--jobs J] [--model PROVIDER:NAME] [--llm off|record:DIR|replay:DIR]
                             [--anonymize|--plain] [--store sqlite|memory] [--checkpoints 5,10,25,50]
                             [--pruner none,median,asha] [--retry-failed] [--report-only]
              --suite        synthetic (test functions), ml (MODEL-DATASET tasks) or a suite file listing task files
              --tasks        only these tasks of the suite, e.g. branin,hartmann3 or knn-wine
              --proposers    e.g. default,random,sobol,gp,hybrid,llambo (default is the untuned configuration)
              --seeds        seeds 0..N-1 per proposer and task (default 5)
              --trials       trial budget of every cell (default 30)
              --out          results directory; rerunning into it runs only the missing cells
              --jobs         cells in parallel (default 1)
              --model        model of the LLM proposers (in replay: the recorded one by default)
              --llm          off (live calls), record:DIR (one sub-folder per cell) or replay:DIR (no network)
              --anonymize    anonymized synthetic instances (default when an LLM proposer runs); --plain: the textbook box
              --store        each cell's study in a SQLite file under DIR/studies (default) or in memory
              --checkpoints  trial counts reported (default 5,10,25,50; the budget is always added)
              --pruner       early stopping as a dimension of the cells: none (default), median, asha; a cell of gp
                             with median is labelled gp+median, and results.jsonl has its pruner and resource
              --retry-failed run the cells whose line says failed again
              --report-only  rebuild summary.md, results.csv and plots/ from DIR/results.jsonl alone""";

    private static final List<String> FLAGS = List.of("--anonymize", "--plain", "--retry-failed", "--report-only",
            "--help");
    private static final List<String> OPTIONS = List.of("--suite", "--tasks", "--proposers", "--seeds", "--trials",
            "--out", "--jobs", "--model", "--llm", "--store", "--checkpoints", "--anonymize", "--plain",
            "--retry-failed", "--report-only", "--help", "--pruner");

    public EvalOptions {
        tasks = List.copyOf(tasks);
        proposers = List.copyOf(proposers);
        checkpoints = List.copyOf(checkpoints);
    }

    /** Parses {@code --key value} / {@code --key=value}; errors name the option, the value and what was expected. */
    public static EvalOptions parse(List<String> args, List<String> knownProposers) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                throw ConfigException.of("arguments", a, "an option such as --seeds 5");
            }
            String key = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (!OPTIONS.contains(key)) {
                throw ConfigException.of("arguments", key, "one of " + String.join(", ", OPTIONS));
            }
            String value;
            if (a.contains("=")) {
                value = a.substring(a.indexOf('=') + 1);
            } else if (FLAGS.contains(key)) {
                value = "true";
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw ConfigException.of(key, null, "a value after " + key);
            }
            kv.put(key, value);
        }
        if (!kv.containsKey("--out")) {
            throw ConfigException.of("--out", null, "a results directory");
        }
        boolean reportOnly = kv.containsKey("--report-only");
        if (!reportOnly && !kv.containsKey("--suite")) {
            throw ConfigException.of("--suite", null, "synthetic, ml or a suite file (.yaml)");
        }
        if (kv.containsKey("--anonymize") && kv.containsKey("--plain")) {
            throw new ConfigException("--anonymize", "--anonymize and --plain exclude each other; give one");
        }
        View view = kv.containsKey("--anonymize") ? View.ANONYMIZED : kv.containsKey("--plain") ? View.PLAIN : View.AUTO;
        String store = kv.getOrDefault("--store", "sqlite").trim().toLowerCase(Locale.ROOT);
        if (!store.equals("sqlite") && !store.equals("memory")) {
            throw ConfigException.of("--store", kv.get("--store"), "sqlite or memory");
        }
        List<String> proposers = reportOnly && !kv.containsKey("--proposers") ? List.of()
                : PrunerLabel.labels(proposers(kv.getOrDefault("--proposers", ""), knownProposers),
                        PrunerLabel.parse(kv.getOrDefault("--pruner", "none")));
        return new EvalOptions(kv.get("--suite"), names(kv.get("--tasks")), proposers,
                positive("--seeds", kv.getOrDefault("--seeds", "5")),
                positive("--trials", kv.getOrDefault("--trials", "30")), Path.of(kv.get("--out")),
                positive("--jobs", kv.getOrDefault("--jobs", "1")), blankToNull(kv.get("--model")),
                LlmMode.parse(kv.getOrDefault("--llm", "off")), view, store.equals("sqlite"),
                checkpoints(kv.get("--checkpoints")), kv.containsKey("--retry-failed"), reportOnly);
    }

    public static boolean wantsHelp(List<String> args) {
        return args.contains("--help") || args.contains("-h");
    }

    /** The checkpoints within the budget, plus the budget itself. */
    public List<Integer> checkpointsWithin(int budget) {
        List<Integer> out = new ArrayList<>(checkpoints.stream().filter(c -> c < budget).sorted().distinct().toList());
        out.add(budget);
        return out;
    }

    static List<String> proposers(String list, List<String> known) {
        List<String> out = new ArrayList<>();
        for (String part : list.split(",")) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (!known.contains(name)) {
                throw ConfigException.of("--proposers", part.trim(), "one of " + String.join(", ", known));
            }
            if (!out.contains(name)) {
                out.add(name);
            }
        }
        if (out.isEmpty()) {
            throw ConfigException.of("--proposers", list, "a comma-separated list of " + String.join(", ", known));
        }
        return out;
    }

    private static List<String> names(String list) {
        if (list == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String s : list.split(",")) {
            if (!s.isBlank() && !out.contains(s.trim())) {
                out.add(s.trim());
            }
        }
        return out;
    }

    private static List<Integer> checkpoints(String list) {
        if (list == null) {
            return DEFAULT_CHECKPOINTS;
        }
        List<Integer> out = new ArrayList<>();
        for (String s : list.split(",")) {
            out.add(positive("--checkpoints", s));
        }
        return out;
    }

    private static int positive(String path, String text) {
        int v;
        try {
            v = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw ConfigException.of(path, text, "a whole number of at least 1");
        }
        if (v < 1) {
            throw ConfigException.of(path, v, "a whole number of at least 1");
        }
        return v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
