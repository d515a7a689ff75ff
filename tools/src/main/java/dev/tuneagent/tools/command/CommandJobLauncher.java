package dev.tuneagent.tools.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tuneagent.core.store.Owner;
import dev.tuneagent.core.task.CommandJobSpec;
import dev.tuneagent.tools.job.JobLauncher;
import dev.tuneagent.tools.job.JobRequest;
import dev.tuneagent.tools.job.JobResult;
import dev.tuneagent.tools.job.JobStartListener;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs an external program per trial ({@code job: {type: command}}). The contract, documented in
 * docs/jobs.md: the trial's parameters are in {@code params.json} in the trial's directory (the
 * process's working directory), its path replaces {@code {params}} in argv and is in
 * {@code TUNE_PARAMS}; the metrics are the last JSON object line of stdout; stdout and stderr go to
 * {@code stdout.log} and {@code stderr.log} next to it.
 */
public final class CommandJobLauncher implements JobLauncher {
    public static final String PARAMS_FILE = "params.json";
    public static final String STDOUT_FILE = "stdout.log";
    public static final String STDERR_FILE = "stderr.log";
    /** How long a killed job gets between SIGTERM and SIGKILL. */
    static final Duration KILL_GRACE = Duration.ofSeconds(2);
    /** How often a running job's stdout is read for intermediate reports (only when someone listens). */
    static final Duration REPORT_POLL = Duration.ofMillis(100);

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Clock clock;
    private final Map<String, String> extraEnv;
    private final JobStartListener started;
    private final String host;
    private final ScheduledExecutorService timer;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();

    public CommandJobLauncher() {
        this(Clock.systemUTC(), Map.of());
    }

    /** @param started told each job's {@link JobProcess} record (attribute {@value JobProcess#ATTR}) once it runs */
    public CommandJobLauncher(JobStartListener started) {
        this(Clock.systemUTC(), Map.of(), started);
    }

    /** @param extraEnv variables added to every job's environment (tests use it; users set their own shell) */
    public CommandJobLauncher(Clock clock, Map<String, String> extraEnv) {
        this(clock, extraEnv, JobStartListener.NONE);
    }

    public CommandJobLauncher(Clock clock, Map<String, String> extraEnv, JobStartListener started) {
        this.clock = clock;
        this.extraEnv = Map.copyOf(extraEnv);
        this.started = started;
        this.host = Owner.forThisProcess().host();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "command-job-timer");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public CompletableFuture<JobResult> launch(JobRequest request) {
        if (!(request.spec() instanceof CommandJobSpec spec)) {
            throw new IllegalArgumentException("CommandJobLauncher runs type: command jobs, got type: "
                    + request.spec().type());
        }
        Path dir = request.workDir().toAbsolutePath();
        Path paramsFile = dir.resolve(PARAMS_FILE);
        try {
            Files.createDirectories(dir);
            JSON.writeValue(paramsFile.toFile(), new TreeMap<>(request.params()));
        } catch (IOException e) {
            return CompletableFuture.completedFuture(new JobResult.Failed(
                    "could not write the trial's parameters to " + paramsFile + ": " + e.getMessage(), ""));
        }
        List<String> argv = Argv.substitute(spec.argv(), paramsFile);
        Optional<String> badProgram = Argv.problemWithProgram(argv.get(0), System.getenv("PATH"), dir);
        if (badProgram.isPresent()) {
            return CompletableFuture.completedFuture(new JobResult.Failed(badProgram.get(), ""));
        }
        ProcessBuilder pb = new ProcessBuilder(argv)
                .directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(dir.resolve(STDOUT_FILE).toFile())
                .redirectError(dir.resolve(STDERR_FILE).toFile());
        Map<String, String> env = pb.environment();
        env.putAll(extraEnv);
        env.put("TUNE_PARAMS", paramsFile.toString());
        env.put("TUNE_TRIAL", Integer.toString(request.trial()));
        env.put("TUNE_SEED", Long.toString(request.seed()));
        env.put("TUNE_STUDY", request.study());
        Instant start = clock.instant();
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            return CompletableFuture.completedFuture(new JobResult.Failed(
                    argv.get(0) + " could not be started: " + e.getMessage() + "; fix job.argv[0]", ""));
        }
        running.add(process);
        recordProcess(process, request, dir);
        return watch(process, spec, request, dir, start);
    }

    /**
     * Where the job runs goes with the trial (through the listener) and into its directory, at once: if tune dies,
     * the process lives on, and the run that takes the trial over ends it before running the configuration again
     * ({@link OrphanJobs}). A failure to record loses only that, never the job.
     */
    private void recordProcess(Process process, JobRequest request, Path dir) {
        JobProcess record = JobProcess.of(process.toHandle(), host);
        try {
            JSON.writeValue(dir.resolve(JobProcess.FILE).toFile(), record.toAttr());
        } catch (IOException ignored) {
            // The attribute below is the copy that counts; the file is for people.
        }
        try {
            started.started(request, Map.of(JobProcess.ATTR, record.toAttr()));
        } catch (RuntimeException ignored) {
            // The file has it; the trial runs either way.
        }
    }

    private CompletableFuture<JobResult> watch(Process process, CommandJobSpec spec, JobRequest request, Path dir,
                                               Instant start) {
        AtomicBoolean timedOut = new AtomicBoolean();
        Duration limit = spec.timeout();
        ScheduledFuture<?> alarm = limit == null || limit.isZero() || limit.isNegative() ? null
                : timer.schedule(() -> {
                    timedOut.set(true);
                    ProcessTree.kill(process.toHandle(), KILL_GRACE);
                }, limit.toMillis(), TimeUnit.MILLISECONDS);
        CompletableFuture<JobResult> result = new CompletableFuture<>();
        String key = spec.metric() != null ? spec.metric() : request.objective();
        ReportFollower reports = new ReportFollower(dir.resolve(STDOUT_FILE), key, request.reporter());
        AtomicBoolean pruned = new AtomicBoolean();
        ScheduledFuture<?> follow = request.reporter() == dev.tuneagent.tools.job.Reporter.NONE ? null
                : timer.scheduleWithFixedDelay(() -> {
                    if (!pruned.get() && reports.poll()) {
                        pruned.set(true);
                        ProcessTree.kill(process.toHandle(), KILL_GRACE);
                    }
                }, REPORT_POLL.toMillis(), REPORT_POLL.toMillis(), TimeUnit.MILLISECONDS);
        process.onExit().whenComplete((p, error) -> {
            running.remove(process);
            if (alarm != null) {
                alarm.cancel(false);
            }
            if (follow != null) {
                follow.cancel(false);
            }
            if (result.isDone()) {
                return; // cancelled: the caller is no longer waiting
            }
            Duration elapsed = Duration.between(start, clock.instant());
            if (follow != null) {
                // The last reports may have arrived after the last poll; on the timer thread, after any kill.
                onTimer(() -> {
                    if (!pruned.get() && reports.poll()) {
                        pruned.set(true);
                    }
                    reports.problems().forEach(request.reporter()::problem);
                    if (pruned.get()) {
                        result.complete(new JobResult.Pruned(reports.lastStep(), reports.lastValue(),
                                Duration.between(start, clock.instant())));
                    } else if (timedOut.get()) {
                        result.complete(new JobResult.TimedOut(limit, tail(dir)));
                    } else {
                        result.complete(outcome(process.exitValue(), spec, request, dir, elapsed));
                    }
                });
            } else if (timedOut.get()) {
                // The timer thread is still killing the children: queue behind it so that the result
                // is only reported once the whole tree is gone.
                onTimer(() -> result.complete(new JobResult.TimedOut(limit, tail(dir))));
            } else {
                result.complete(outcome(process.exitValue(), spec, request, dir, elapsed));
            }
        });
        // Cancelling the future (Ctrl-C, a stopped study) must not leave the training running.
        result.whenComplete((r, error) -> {
            if (result.isCancelled() && process.isAlive()) {
                onTimer(() -> ProcessTree.kill(process.toHandle(), KILL_GRACE));
            }
        });
        return result;
    }

    /** Runs on the timer thread, or here once the launcher is closed. */
    private void onTimer(Runnable task) {
        try {
            timer.execute(task);
        } catch (RejectedExecutionException e) {
            task.run();
        }
    }

    static JobResult outcome(int exit, CommandJobSpec spec, JobRequest request, Path dir, Duration elapsed) {
        if (exit != 0) {
            String how = exit > 128 && exit < 160 ? "was killed by signal " + (exit - 128) + " (exit code " + exit + ")"
                    : "exited with code " + exit;
            return new JobResult.Failed(spec.argv().get(0) + " " + how, tail(dir));
        }
        String key = spec.metric() != null ? spec.metric() : request.objective();
        return metrics(dir, key, elapsed);
    }

    /**
     * The result of a program that exited 0 in {@code dir}: the metrics of the last JSON object line of its
     * {@value #STDOUT_FILE}, or why there is no usable {@code key} in it (with the log tail). Slurm jobs share it.
     */
    public static JobResult metrics(Path dir, String key, Duration elapsed) {
        MetricLine.Scan scan;
        try {
            scan = MetricLine.scan(dir.resolve(STDOUT_FILE));
        } catch (IOException e) {
            return new JobResult.Failed("could not read " + dir.resolve(STDOUT_FILE) + ": " + e.getMessage(),
                    LogTail.of(dir.resolve(STDERR_FILE)));
        }
        Optional<JsonNode> line = scan.last();
        if (line.isEmpty()) {
            return new JobResult.Failed(scan.overlongReason().orElse("the program printed no JSON object line on stdout;"
                    + " its last such line must hold the metric, e.g. {\"" + key + "\": 0.93}"), tail(dir));
        }
        Optional<String> problem = MetricLine.problemWith(line.get(), key);
        if (problem.isPresent()) {
            return new JobResult.Failed(problem.get(), tail(dir));
        }
        return new JobResult.Succeeded(MetricLine.numericFields(line.get()), elapsed);
    }

    /** The stderr tail, or the stdout tail when the program wrote nothing to stderr. */
    public static String tail(Path dir) {
        String err = LogTail.of(dir.resolve(STDERR_FILE));
        return err.isEmpty() ? LogTail.of(dir.resolve(STDOUT_FILE)) : err;
    }

    /** Kills every job still running and stops the timer. */
    @Override
    public void close() {
        for (Process p : running) {
            ProcessTree.kill(p.toHandle(), KILL_GRACE);
        }
        timer.shutdownNow();
    }
}
