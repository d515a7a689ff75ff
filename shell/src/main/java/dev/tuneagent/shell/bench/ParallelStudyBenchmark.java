package dev.tuneagent.shell.bench;

import dev.tuneagent.agent.loop.OptimizerListener;
import dev.tuneagent.agent.loop.PreparedStudy;
import dev.tuneagent.agent.loop.RunOutcome;
import dev.tuneagent.agent.loop.StudyService;
import dev.tuneagent.agent.task.TaskLoader;
import dev.tuneagent.core.store.InMemoryStudyStore;
import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.store.sqlite.SqliteStudyStore;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import dev.tuneagent.core.task.TaskSpec;
import dev.tuneagent.shell.run.Launchers;
import dev.tuneagent.tools.job.JobLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The wall time of a whole study of a sleeping objective at several {@code budget.parallel} settings: a real study
 * (task file, {@link StudyService}, the Optimizer, the job launchers, the store) whose job is a command or a Slurm job
 * that sleeps and prints a metric line, so the figure is what parallel trials buy once the objective dominates.
 */
public final class ParallelStudyBenchmark {
    /** One row; {@code check} is {@code ok} when every trial of the budget completed. */
    public record Row(String jobs, int parallel, int trials, int complete, double wallSeconds, double speedUp,
                      String check) {
        public double trialsPerSecond() {
            return wallSeconds > 0 ? complete / wallSeconds : 0;
        }
    }

    static final String OBJECTIVE = """
            #!/bin/sh
            # bench-scale's objective: sleep, then print the metric line (the trial number as the value).
            sleep "$1"
            echo "{\\"value\\": $TUNE_TRIAL}"
            """;

    private final StudyService studies;
    private final TaskLoader loader;
    private final Launchers launchers;

    public ParallelStudyBenchmark(StudyService studies, TaskLoader loader, Launchers launchers) {
        this.studies = studies;
        this.loader = loader;
        this.launchers = launchers;
    }

    /**
     * Runs one study of {@code o.studyTrials()} trials with {@code parallel} trials at once, its trials working under
     * {@code dir} (for Slurm, a directory the compute nodes see); {@code baseline} is the wall time speed-ups are
     * measured against (NaN for none).
     */
    public Row run(String jobs, int parallel, ScaleBenchOptions o, Path dir, double baseline) {
        String name = "bench-" + jobs + "-p" + parallel + "-" + Long.toHexString(System.nanoTime());
        TaskSpec task;
        try {
            Path objective = dir.resolve("objective.sh");
            if (!Files.exists(objective)) {
                Files.writeString(objective, OBJECTIVE);
            }
            task = loader.load(Files.writeString(dir.resolve(name + ".yaml"), taskYaml(name, jobs, parallel, o, dir)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the benchmark's task in " + dir, e);
        }
        try (StudyStore store = o.studyStorage().equals("memory") ? new InMemoryStudyStore()
                : new SqliteStudyStore(dir.resolve("studies.db"))) {
            PreparedStudy study = studies.create(store, task);
            try (JobLauncher launcher = launchers.open(task.job())) {
                long t0 = System.nanoTime();
                RunOutcome outcome = studies.run(store, study, launcher, dir.resolve(name), OptimizerListener.NONE);
                double wall = (System.nanoTime() - t0) / 1e9;
                List<Trial> trials = store.trials(name);
                int complete = (int) trials.stream().filter(t -> t.state() == TrialState.COMPLETE).count();
                return new Row(jobs, parallel, trials.size(), complete, wall, baseline / wall,
                        check(outcome, trials, o.studyTrials()));
            }
        }
    }

    static String check(RunOutcome outcome, List<Trial> trials, int budget) {
        List<Trial> bad = trials.stream().filter(t -> t.state() != TrialState.COMPLETE).toList();
        if (outcome.finished() && trials.size() == budget && bad.isEmpty()) {
            return "ok";
        }
        String first = bad.isEmpty() || bad.get(0).message() == null ? ""
                : "; e.g. #" + bad.get(0).number() + " " + bad.get(0).message().lines().findFirst().orElse("");
        return "PROBLEM: " + (trials.size() - bad.size()) + " of " + budget + " trials complete" + first;
    }

    static String taskYaml(String name, String jobs, int parallel, ScaleBenchOptions o, Path dir) {
        String argv = "[/bin/sh, " + quote(dir.resolve("objective.sh").toString()) + ", "
                + quote(String.format(Locale.ROOT, "%.3f", o.sleepSeconds())) + "]";
        String job = jobs.equals("slurm")
                ? "{type: slurm, argv: " + argv + (o.partition() == null ? "" : ", partition: " + o.partition())
                + ", time: 10m, cpus: 1, workdir: " + quote(dir.toString()) + "}"
                : "{type: command, argv: " + argv + ", timeout: 10m, workdir: " + quote(dir.toString()) + "}";
        return """
                name: %s
                objective: {metric: value, direction: minimize}
                job: %s
                space:
                  x: {type: float, low: 0, high: 1}
                  y: {type: float, low: 0, high: 1}
                budget: {trials: %d, parallel: %d}
                proposer: %s
                seed: 1
                """.formatted(name, job, o.studyTrials(), parallel, o.proposer());
    }

    /** A YAML double-quoted scalar (JSON rules), so any path is read back as itself. */
    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    public static String header() {
        return String.format(Locale.ROOT, "%-6s %8s %6s %8s %9s %9s  %s%n", "jobs", "parallel", "trials", "wall s",
                "trials/s", "speed-up", "check");
    }

    public static String row(Row r) {
        return String.format(Locale.ROOT, "%-6s %8d %6d %8.1f %9.2f %9s  %s%n", r.jobs(), r.parallel(), r.complete(),
                r.wallSeconds(), r.trialsPerSecond(), Double.isNaN(r.speedUp()) ? "-"
                        : String.format(Locale.ROOT, "%.2fx", r.speedUp()), r.check());
    }
}
