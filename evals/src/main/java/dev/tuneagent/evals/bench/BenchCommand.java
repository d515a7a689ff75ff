package dev.tuneagent.evals.bench;

import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.evals.functions.BenchmarkFunction;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The benchmark as a command: runs every (proposer, function, seed), writes the JSONL results, prints the regret
 * table (with the anchors' rows and the target check when given), and optionally the overhead table. Used by
 * {@link BenchMain} and the shell's {@code bench} command.
 */
public final class BenchCommand {
    private final ProposerCatalog catalog;

    public BenchCommand(ProposerCatalog catalog) {
        this.catalog = catalog;
    }

    /** Runs the benchmark and returns the report that was printed to {@code out}. */
    public String execute(BenchOptions options, PrintStream out, PrintStream progress) {
        StringBuilder report = new StringBuilder();
        if (options.regret()) {
            List<RunResult> results = runAll(options, progress);
            List<TableRow> ours = SummaryTable.rows(results, SummaryTable.CHECKPOINTS);
            report.append("## Regret: median [25th, 75th percentile] of log10 simple regret; ms/trial = proposer time\n\n");
            if (options.anchors() != null) {
                List<TableRow> anchors = AnchorTable.load(options.anchors(), SummaryTable.CHECKPOINTS);
                report.append(SummaryTable.markdown(SummaryTable.interleave(anchors, ours), SummaryTable.CHECKPOINTS));
                List<TargetCheck.Verdict> verdicts = TargetCheck.check(anchors, ours);
                report.append("\n\n## Target check at ").append(TargetCheck.AT).append(" trials (issue 3)\n\n")
                        .append(TargetCheck.markdown(verdicts)).append("\n\n");
                TargetCheck.summary(verdicts).forEach(l -> report.append("- ").append(l).append('\n'));
            } else {
                report.append(SummaryTable.markdown(ours, SummaryTable.CHECKPOINTS)).append('\n');
            }
            if (options.out() != null) {
                ResultsJsonl.write(options.out(), results);
            }
        }
        if (options.overhead()) {
            Map<String, Map<Integer, Double>> overhead = new LinkedHashMap<>();
            for (String name : options.proposers()) {
                progress.println("overhead " + name + " ...");
                Overhead.Timings t = Overhead.measure(catalog.create(name), Overhead.SIZES,
                        options.overheadRepetitions());
                overhead.put(BenchOptions.label(name), t.wallMs());
                if (!t.cpuMs().isEmpty()) {
                    overhead.put(BenchOptions.label(name) + " (thread CPU)", t.cpuMs());
                }
            }
            report.append("\n## Overhead: median ms per proposal (n = 1) with a history of N random points of"
                    + " Hartmann6 (6-D), ").append(options.overheadRepetitions()).append(" repetitions; wall time, and"
                    + " the calling thread's CPU time, which other jobs on the machine inflate less\n\n")
                    .append(Overhead.markdown(overhead, Overhead.SIZES)).append('\n');
        }
        if (options.out() != null) {
            try {
                Files.createDirectories(options.out());
                Files.writeString(options.out().resolve(options.regret() ? "table.md" : "overhead.md"), report);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the table to " + options.out(), e);
            }
        }
        out.print(report);
        out.flush();
        return report.toString();
    }

    /** Every run, in the order proposer, function, seed, whatever the parallelism. */
    public List<RunResult> runAll(BenchOptions options, PrintStream progress) {
        record Job(String proposer, BenchmarkFunction function, long seed) {
        }
        List<Job> jobs = new ArrayList<>();
        for (String p : options.proposers()) {
            for (BenchmarkFunction f : options.functions()) {
                for (long s = 0; s < options.seeds(); s++) {
                    jobs.add(new Job(p, f, s));
                }
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(options.jobs());
        try {
            List<Future<RunResult>> futures = new ArrayList<>();
            for (Job j : jobs) {
                futures.add(pool.submit(() -> {
                    Proposer proposer = catalog.create(j.proposer());
                    RunResult r = BenchRun.run(j.function(), proposer, BenchOptions.label(j.proposer()), j.seed(),
                            options.trials());
                    progress.printf("%s %s seed %d: final regret %.3g, %.1f ms/trial%n", r.function(), r.sampler(),
                            r.seed(), r.regretAt(r.trials()), r.msPerTrial());
                    return r;
                }));
            }
            List<RunResult> results = new ArrayList<>();
            for (Future<RunResult> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("benchmark interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
