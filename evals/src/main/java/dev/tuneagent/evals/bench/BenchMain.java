package dev.tuneagent.evals.bench;

import dev.tuneagent.core.config.ConfigException;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -cp ... dev.tuneagent.evals.bench.BenchMain --proposers gp,sobol,random --functions all --seeds 10}.
 * Tables go to stdout, progress to stderr. Exit codes: 0 done, 2 bad arguments.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) {
        ProposerCatalog catalog = ProposerCatalog.standard();
        List<String> list = Arrays.asList(args);
        if (BenchOptions.wantsHelp(list)) {
            System.out.println(BenchOptions.usage(catalog));
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(list, catalog);
        } catch (ConfigException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println(BenchOptions.usage(catalog));
            System.exit(2);
            return;
        }
        try {
            new BenchCommand(catalog).execute(options, System.out, System.err);
        } catch (ConfigException e) {
            // e.g. an unreadable --anchors file: the user's input, so a message rather than a stack trace
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
        }
    }
}
