package dev.tuneagent.evals.eval;

import dev.tuneagent.agent.llm.usage.UsageTotals;
import dev.tuneagent.agent.llm.error.CassetteMiss;
import dev.tuneagent.agent.loop.Optimizer;
import dev.tuneagent.agent.loop.Resources;
import dev.tuneagent.agent.loop.RunOutcome;
import dev.tuneagent.agent.loop.StudyRun;
import dev.tuneagent.agent.proposers.LlmProposers;
import dev.tuneagent.agent.proposers.ProposerFactory;
import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.store.InMemoryStudyStore;
import dev.tuneagent.core.store.StorageLocation;
import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.store.StudyStores;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.task.CommandJobSpec;
import dev.tuneagent.core.task.TaskSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs one cell (proposer × task × seed) as a real study: its own store (a SQLite file under
 * {@code out/studies}, or memory), the same {@link Optimizer} loop and launchers as {@code tune run}, the study
 * seed = the cell's seed (so every proposer of a seed is scored on the same CV folds). A failure of the cell,
 * a cassette miss included, becomes a {@code failed} line with the reason; it never stops the other cells.
 */
public final class CellRunner {
    private final Path out;
    private final boolean sqlite;
    private final int trials;
    private final LlmContext llm;
    private final Clock clock;

    public CellRunner(Path out, boolean sqlite, int trials, LlmContext llm, Clock clock) {
        this.out = out;
        this.sqlite = sqlite;
        this.trials = trials;
        this.llm = llm;
        this.clock = clock;
    }

    public CellResult run(EvalTask task, String proposer, long seed, boolean anonymize) {
        long start = System.nanoTime();
        CellSetup setup;
        try {
            setup = task.setup(seed, trials, anonymize);
        } catch (RuntimeException e) {
            return new CellResult(task.name(), proposer, seed, CellResult.FAILED, "cannot set up the cell: "
                    + e.getMessage(), null, List.of(), 0, 0, null, 0, (System.nanoTime() - start) / 1e9, 0, null, null,
                    task.metric(), task.direction(), null, null);
        }
        String base = PrunerLabel.proposer(proposer);
        boolean isDefault = base.equals(DefaultProposer.NAME);
        if (isDefault && setup.defaults() == null) {
            setup.launcher().close();
            return result(task, proposer, seed, CellResult.SKIPPED, setup.noDefault(), List.of(), 0, 0, null, 0,
                    start, 0, null, null, setup, 0);
        }
        boolean isLlm = LlmProposers.isLlm(base);
        Path cellDir = isLlm && llm != null ? llm.mode().cellDir(task.name(), proposer, seed) : null;
        String cassette = cellDir == null ? null : llm.mode().cassette(display(cellDir));
        String model = isLlm && llm != null ? llm.model() : null;
        UsageTotals usage = llm == null ? new UsageTotals(java.util.Optional.empty()) : llm.usage();
        String name = task.name() + "-" + proposer.replace('+', '.') + "-s" + seed; // a study name has no '+'
        Path work = out.resolve("work").resolve(task.name()).resolve(proposer + "-s" + seed);
        TimedProposer timed = null;
        try {
            startOver(task.name(), proposer, seed, work, setup.task().job() instanceof CommandJobSpec,
                    llm != null && llm.mode() instanceof LlmMode.Record ? cellDir : null);
        } catch (IOException e) {
            setup.launcher().close();
            return result(task, proposer, seed, CellResult.FAILED, "cannot set aside an earlier attempt of this cell: "
                    + e.getMessage(), List.of(), 0, 0, null, 0, start, 0, model, cassette, setup, 0);
        }
        try (StudyStore store = open(task.name(), proposer, seed); var launcher = setup.launcher()) {
            if (llm != null && llm.mode() instanceof LlmMode.Replay && isLlm && !Recordings.hasExchanges(cellDir)) {
                return result(task, proposer, seed, CellResult.FAILED, "no recording for this cell: " + cellDir
                        + " holds no exchange; record it with --llm record:DIR", List.of(), 0, 0, null, 0, start, 0,
                        model, cassette, setup, 0);
            }
            ProposerFactory factory = isLlm && llm != null ? llm.factory(usage, name, seed)
                    : ProposerFactory.classical();
            TaskSpec spec = isLlm && llm != null ? llm.task(setup.task(), cellDir) : setup.task();
            timed = new TimedProposer(isDefault ? new DefaultProposer(setup.defaults()) : factory.create(base, spec));
            int budget = isDefault ? 1 : trials;
            if (store.findStudy(name).isEmpty()) {
                store.createStudy(new StudyDefinition(name, spec.space(), spec.direction(), spec.metric(), seed, budget,
                        "{}", clock.instant()));
            }
            Optimizer optimizer = new Optimizer(store, launcher, clock, null);
            // An unlimited resource budget stores every intermediate report, so each cell's resource is counted in
            // steps (CV folds) whether or not it prunes; test functions report no step and cost one per trial.
            RunOutcome outcome = optimizer.run(new StudyRun(name, spec.job(), timed, work, PrunerLabel.of(proposer),
                    Integer.MAX_VALUE));
            long resource = Resources.used(outcome.last());
            List<Trial> done = outcome.last().trials().stream().sorted(Comparator.comparingInt(Trial::number)).toList();
            List<Double> curve = curve(done, setup, trials);
            int fallbacks = (int) done.stream().filter(t -> t.provenance() != null && t.provenance().fallback() != null)
                    .count();
            UsageTotals.Totals u = usage.totals();
            return result(task, proposer, seed, CellResult.OK, null, curve, u.calls(), u.totalTokens(),
                    u.costUsd(), fallbacks, start, timed.millis(), model, cassette, setup, resource);
        } catch (RuntimeException e) {
            CassetteMiss miss = cause(e, CassetteMiss.class);
            String reason = miss != null ? "cassette miss: " + miss.getMessage()
                    : e instanceof ConfigException ? e.getMessage()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            UsageTotals.Totals u = usage.totals();
            return result(task, proposer, seed, CellResult.FAILED, reason, List.of(), u.calls(), u.totalTokens(),
                    u.costUsd(), 0, start, timed == null ? 0 : timed.millis(), model,
                    cassette, setup, 0);
        } finally {
            if (!(setup.task().job() instanceof CommandJobSpec)) {
                deleteTree(work); // in-process trials leave nothing worth keeping; a command's outputs are kept
            }
        }
    }

    /** Best so far after each trial on the task's own scale, padded with the last value up to the budget. */
    static List<Double> curve(List<Trial> trials, CellSetup setup, int budget) {
        List<Double> curve = new ArrayList<>();
        Double best = null;
        boolean max = setup.task().direction() == dev.tuneagent.core.study.Direction.MAXIMIZE;
        for (Trial t : trials) {
            if (t.isComplete() && t.value() != null && Double.isFinite(t.value())) {
                double v = setup.own().applyAsDouble(t.value());
                best = best == null || (max ? v > best : v < best) ? Double.valueOf(v) : best;
            }
            curve.add(best);
        }
        while (curve.size() < budget) {
            curve.add(best);
        }
        return curve.subList(0, Math.min(curve.size(), budget));
    }

    /**
     * A cell that runs has no line in results.jsonl, so whatever an earlier attempt of it left (the eval was killed,
     * or the cell failed and is retried) is unfinished: the cell starts again from its first trial, so that its
     * numbers are those of an uninterrupted run. Resuming the old study would spend one trial of the cell's budget on
     * the interrupted trial (the cell would get fewer evaluations than the others: not an equal budget) and change
     * the trials that follow (a replayed LLM cell would miss its cassette). The old study is deleted (it is redone);
     * a command task's trial directories and a recording made in record mode are moved aside, never deleted:
     * {@code NAME.interrupted-N} beside them.
     */
    private void startOver(String task, String proposer, long seed, Path work, boolean commandOutputs, Path recording)
            throws IOException {
        if (sqlite) {
            Path db = studyFile(task, proposer, seed);
            for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
                Files.deleteIfExists(db.resolveSibling(db.getFileName() + suffix));
            }
        }
        if (Files.isDirectory(work)) {
            if (commandOutputs) {
                moveAside(work);
            } else {
                deleteTree(work); // in-process trials leave nothing worth keeping
            }
        }
        if (recording != null && Files.isDirectory(recording)) {
            moveAside(recording);
        }
    }

    private static void moveAside(Path dir) throws IOException {
        for (int n = 1; ; n++) {
            Path aside = dir.resolveSibling(dir.getFileName() + ".interrupted-" + n);
            if (!Files.exists(aside)) {
                Files.move(dir, aside);
                return;
            }
        }
    }

    private Path studyFile(String task, String proposer, long seed) {
        return out.resolve("studies").resolve(task).resolve(proposer + "-s" + seed + ".db");
    }

    private StudyStore open(String task, String proposer, long seed) {
        if (!sqlite) {
            return new InMemoryStudyStore();
        }
        Path file = studyFile(task, proposer, seed);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new ConfigException("--out", "cannot create " + file.getParent() + ": " + e.getMessage());
        }
        return StudyStores.open(new StorageLocation.Sqlite(file));
    }

    private CellResult result(EvalTask task, String proposer, long seed, String status, String reason,
                              List<Double> curve, int calls, long tokens, Double cost, int fallbacks, long start,
                              double proposerMs, String model, String cassette, CellSetup setup, long resource) {
        Double best = curve.isEmpty() ? null : curve.get(curve.size() - 1);
        return new CellResult(task.name(), proposer, seed, status, reason, best, curve, calls, tokens, cost, fallbacks,
                (System.nanoTime() - start) / 1e9, proposerMs, model, cassette, task.metric(), task.direction(),
                setup.view(), setup.minimum(), PrunerLabel.pruner(proposer), resource);
    }

    /** Relative to the working directory when under it, so shipped results name portable paths. */
    static Path display(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        return p.isAbsolute() && p.startsWith(cwd) ? cwd.relativize(p) : p;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // leftover empty trial directories are harmless
        }
    }
}
