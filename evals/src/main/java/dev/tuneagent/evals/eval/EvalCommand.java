package dev.tuneagent.evals.eval;

import dev.tuneagent.agent.llm.LlmConfigResolver;
import dev.tuneagent.agent.llm.TransportOptions;
import dev.tuneagent.agent.proposers.LlmProposers;
import dev.tuneagent.agent.task.TaskLoader;
import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.tools.inprocess.InProcessCatalog;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * {@code tune eval}: runs the missing cells of proposer × task × seed into {@code --out}, then derives
 * summary.md, results.csv and plots/ from results.jsonl. Progress goes to {@code progress}, the summary to
 * {@code out}.
 */
public final class EvalCommand {
    private final InProcessCatalog catalog;
    private final TaskLoader loader;
    private final LlmConfigResolver resolver;
    private final TransportOptions transport;
    private final Clock clock;

    public EvalCommand(InProcessCatalog catalog, TaskLoader loader, LlmConfigResolver resolver,
                       TransportOptions transport, Clock clock) {
        this.catalog = catalog;
        this.loader = loader;
        this.resolver = resolver;
        this.transport = transport;
        this.clock = clock;
    }

    /** Every proposer name {@code --proposers} accepts. */
    public static List<String> proposerNames(List<String> factoryNames) {
        List<String> out = new ArrayList<>(List.of(DefaultProposer.NAME));
        factoryNames.stream().filter(n -> !out.contains(n)).forEach(out::add);
        return out;
    }

    /** Runs and reports; returns the number of cells of this run that failed. */
    public int execute(EvalOptions o, PrintStream out, PrintStream progress) {
        ResultsFile file = new ResultsFile(o.out());
        if (o.reportOnly()) {
            List<CellResult> all = file.read();
            if (all.isEmpty()) {
                throw new ConfigException("--out", file.path() + " holds no results to report on");
            }
            out.print(report(o, all));
            out.flush();
            return 0;
        }
        List<EvalTask> tasks = Suites.load(o.suite(), o.tasks(), catalog, loader);
        boolean anyLlm = o.proposers().stream().map(PrunerLabel::proposer).anyMatch(LlmProposers::isLlm);
        boolean anonymize = o.view() == EvalOptions.View.ANONYMIZED || (o.view() == EvalOptions.View.AUTO && anyLlm);
        List<CellResult> existing = file.read();
        checkCompatible(existing, o, anonymize);
        if (o.retryFailed()) {
            existing = existing.stream().filter(r -> !r.status().equals(CellResult.FAILED)).toList();
            file.rewrite(existing);
        }
        Set<String> done = existing.stream().map(CellResult::key).collect(Collectors.toSet());
        record Cell(EvalTask task, String proposer, long seed) {
        }
        List<Cell> todo = new ArrayList<>();
        for (long seed = 0; seed < o.seeds(); seed++) {
            for (EvalTask t : tasks) {
                for (String p : o.proposers()) {
                    if (!done.contains(CellResult.key(t.name(), p, seed))) {
                        todo.add(new Cell(t, p, seed));
                    }
                }
            }
        }
        LlmContext llm = anyLlm ? LlmContext.prepare(o.llm(), o.model(), resolver, transport) : null;
        CellRunner runner = new CellRunner(o.out(), o.sqlite(), o.trials(), llm, clock);
        int total = tasks.size() * o.proposers().size() * o.seeds();
        progress.printf(Locale.ROOT, "eval: %d cells (%d already in %s), %d to run, %d at a time%s%n", total,
                total - todo.size(), file.path(), todo.size(), o.jobs(),
                tasks.stream().anyMatch(t -> t instanceof SyntheticTask)
                        ? "; test functions " + (anonymize ? "anonymized" : "plain") : "");
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(o.jobs());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Cell c : todo) {
                futures.add(pool.submit(() -> {
                    CellResult r = runner.run(c.task(), c.proposer(), c.seed(), anonymize);
                    file.append(r);
                    if (r.status().equals(CellResult.FAILED)) {
                        failed.incrementAndGet();
                    }
                    progress.printf(Locale.ROOT, "[%d/%d] %s %s seed %d: %s%s (%.1f s)%n", finished.incrementAndGet(),
                            todo.size(), r.task(), r.proposer(), r.seed(), r.status(),
                            r.ok() ? ", best " + r.best() : ": " + shorten(r.reason()), r.wallS());
                    progress.flush();
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("eval interrupted; rerun the same command to run the missing cells", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
            removeEmptyDirs(o.out().resolve("work"));
        }
        out.print(report(o, file.read()));
        if (failed.get() > 0) {
            out.println("\n" + failed.get() + " cell(s) failed; their reasons are in " + file.path()
                    + " and summary.md. Rerun with --retry-failed to run them again.");
        }
        out.flush();
        return failed.get();
    }

    /** Writes summary.md, results.csv and plots/ from the lines; returns the summary. */
    static String report(EvalOptions o, List<CellResult> all) {
        String summary = SummaryWriter.markdown(all, o.checkpoints());
        try {
            Files.createDirectories(o.out());
            Files.writeString(SummaryWriter.path(o.out()), summary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + SummaryWriter.path(o.out()), e);
        }
        int budget = new EvalStats(all).budget();
        ResultsCsv.write(o.out().resolve("results.csv"), all, SummaryWriter.checkpoints(o.checkpoints(), budget));
        EvalPlots.write(all, o.out().resolve("plots"));
        return summary;
    }

    /** A rerun must add comparable cells: same budget, same view of the test functions. */
    static void checkCompatible(List<CellResult> existing, EvalOptions o, boolean anonymize) {
        for (CellResult r : existing) {
            if (r.ok() && !PrunerLabel.proposer(r.proposer()).equals(DefaultProposer.NAME) && r.curve().size() != o.trials()) {
                throw new ConfigException("--trials", "got " + o.trials() + ", but " + o.out() + " holds cells of "
                        + r.curve().size() + " trials; use --trials " + r.curve().size() + " or another --out");
            }
            String view = anonymize ? "anonymized" : "plain";
            if (r.view() != null && !r.view().equals(view)) {
                throw new ConfigException(anonymize ? "--anonymize" : "--plain", o.out() + " holds cells run on "
                        + r.view() + " instances; mixing views would make them incomparable: pass --"
                        + (r.view().equals("anonymized") ? "anonymize" : "plain") + " or use another --out");
            }
        }
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 197) + "..." : s;
    }

    /** In-process cells delete their trial directories; what is left empty of the tree goes too. */
    static void removeEmptyDirs(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (var s = Files.walk(root)) {
            s.sorted(java.util.Comparator.reverseOrder()).filter(Files::isDirectory)
                    .forEach(d -> d.toFile().delete()); // File.delete leaves a non-empty directory alone
        } catch (IOException ignored) {
            // an unremovable empty directory is harmless
        }
    }
}
