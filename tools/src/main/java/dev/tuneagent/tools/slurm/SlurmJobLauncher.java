package dev.tuneagent.tools.slurm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tuneagent.core.task.SlurmJobSpec;
import dev.tuneagent.tools.command.Argv;
import dev.tuneagent.tools.command.CommandJobLauncher;
import dev.tuneagent.tools.job.JobLauncher;
import dev.tuneagent.tools.job.JobRequest;
import dev.tuneagent.tools.job.JobResult;
import dev.tuneagent.tools.job.Reattached;
import dev.tuneagent.tools.job.JobStartListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs each trial as a Slurm batch job ({@code job: {type: slurm}}): params file, argv, {@code TUNE_*}
 * variables and the metric line as for command jobs (docs/jobs.md). The job is submitted with
 * {@code sbatch --parsable} and tracked with {@code scontrol show job -o} (then {@code sacct} once the
 * controller has forgotten it) at most once per poll interval. Cancelling the returned future runs
 * {@code scancel}; closing the launcher cancels every job it still tracks.
 *
 * <p>Re-attach: the job id goes to the {@link JobStartListener} (the caller stores it as the trial attribute
 * {@value #ATTR}) and into the file {@value #JOB_ID_FILE} in the trial's directory. A run that takes over a
 * RUNNING trial from a dead or silent owner ({@code resume}, or a {@code worker} at any time) calls
 * {@link #reattach} with the trial's attributes instead of launching it again: a job that still runs is followed
 * to its end, one that finished meanwhile is collected.
 */
public final class SlurmJobLauncher implements JobLauncher {
    public static final String ATTR = "slurm_job_id";
    public static final String JOB_ID_FILE = "slurm_job_id";
    /**
     * Trial attribute: the absolute trial directory the job was submitted with (its logs and metric line are there),
     * so a run that re-attaches from another host or working directory reads them where they are.
     */
    public static final String DIR_ATTR = "slurm_trial_dir";
    /** A job id, or an array job's {@code id_index}. */
    private static final String JOB_ID = "\\d+(_\\d+)?";
    public static final Duration DEFAULT_POLL = Duration.ofSeconds(2);
    /** The controller is shared by every user of the cluster: never ask about one job more often than this. */
    public static final Duration MIN_POLL = Duration.ofSeconds(1);
    /** Polls in a row without any state (controller down, job forgotten) before the outcome is called unknown. */
    static final int MAX_UNKNOWN = 30;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Waits between two polls; tests pass one that only advances a fake clock. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final SlurmCli cli;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration poll;
    private final JobStartListener listener;
    private final ExecutorService threads;
    private final Map<String, CompletableFuture<JobResult>> tracked = new ConcurrentHashMap<>();

    public SlurmJobLauncher() {
        this(JobStartListener.NONE);
    }

    /** @param listener told the job id (attribute {@value #ATTR}) right after {@code sbatch} accepted each job */
    public SlurmJobLauncher(JobStartListener listener) {
        this(new ProcessSlurmCli(), Clock.systemUTC(), d -> Thread.sleep(d.toMillis()), DEFAULT_POLL, listener);
    }

    public SlurmJobLauncher(SlurmCli cli, Clock clock, Sleeper sleeper, Duration poll, JobStartListener listener) {
        if (poll.compareTo(MIN_POLL) < 0) {
            throw new IllegalArgumentException("poll interval " + poll + " is below the minimum " + MIN_POLL);
        }
        this.cli = cli;
        this.clock = clock;
        this.sleeper = sleeper;
        this.poll = poll;
        this.listener = listener;
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "slurm-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public CompletableFuture<JobResult> launch(JobRequest request) {
        SlurmJobSpec spec = spec(request);
        Path dir = request.workDir().toAbsolutePath();
        Path paramsFile = dir.resolve(CommandJobLauncher.PARAMS_FILE);
        Path script;
        try {
            Files.createDirectories(dir);
            JSON.writeValue(paramsFile.toFile(), new TreeMap<>(request.params()));
            script = BatchScript.write(dir);
        } catch (IOException e) {
            return CompletableFuture.completedFuture(new JobResult.Failed(
                    "could not write the trial's files to " + dir + ": " + e.getMessage(), ""));
        }
        List<String> sbatch = BatchScript.sbatch(spec, BatchScript.jobName(request.study(), request.trial()), dir,
                script, Argv.substitute(spec.argv(), paramsFile));
        Map<String, String> env = Map.of("TUNE_PARAMS", paramsFile.toString(),
                "TUNE_TRIAL", Integer.toString(request.trial()), "TUNE_SEED", Long.toString(request.seed()),
                "TUNE_STUDY", request.study());
        CompletableFuture<JobResult> result = new CompletableFuture<>();
        AtomicReference<String> jobId = new AtomicReference<>();
        cancelOnCancel(result, jobId);
        threads.execute(() -> {
            Instant start = clock.instant();
            Optional<String> id = submit(sbatch, env, result);
            if (id.isEmpty()) {
                return;
            }
            jobId.set(id.get());
            writeJobIdFile(dir, id.get());
            try {
                listener.started(request, Map.of(ATTR, id.get(), DIR_ATTR, dir.toString()));
            } catch (RuntimeException e) {
                // The id is in the trial's directory too; losing the attribute must not lose the job.
            }
            if (result.isCancelled()) {
                scancel(id.get());
                return;
            }
            track(result, request, spec, dir, id.get(), start);
        });
        return result;
    }

    /**
     * Follows the trial's job when its attributes hold a Slurm job id ({@value #ATTR}), reading its logs in the
     * directory it was submitted with ({@value #DIR_ATTR}); empty without an id (sbatch never answered: the trial
     * runs again). A malformed id is not followed either: attributes are data from the
     * store, and the id goes to squeue/sacct/scancel.
     */
    @Override
    public Optional<Reattached> reattach(JobRequest request, Map<String, Object> trialAttrs) {
        Object id = trialAttrs == null ? null : trialAttrs.get(ATTR);
        if (!(id instanceof String s) || !s.matches(JOB_ID)) {
            return Optional.empty();
        }
        // Older trials have no directory attribute: their directory is the one this run computes.
        Object dir = trialAttrs.get(DIR_ATTR);
        JobRequest where = dir instanceof String d && Path.of(d).isAbsolute() ? request.withWorkDir(Path.of(d)) : request;
        return Optional.of(new Reattached("Slurm job " + s, attach(where, s)));
    }

    /**
     * Follows a job submitted earlier (by this process or one that died): its result once it ends. The
     * trial's directory must be the one it was submitted with, since its logs are there.
     */
    public CompletableFuture<JobResult> attach(JobRequest request, String jobId) {
        SlurmJobSpec spec = spec(request);
        if (jobId == null || !jobId.matches(JOB_ID)) {
            throw new IllegalArgumentException("not a Slurm job id: \"" + jobId + "\"");
        }
        CompletableFuture<JobResult> result = new CompletableFuture<>();
        cancelOnCancel(result, new AtomicReference<>(jobId));
        Instant start = clock.instant();
        threads.execute(() -> track(result, request, spec, request.workDir().toAbsolutePath(), jobId, start));
        return result;
    }

    private static SlurmJobSpec spec(JobRequest request) {
        if (!(request.spec() instanceof SlurmJobSpec spec)) {
            throw new IllegalArgumentException("SlurmJobLauncher runs type: slurm jobs, got type: "
                    + request.spec().type());
        }
        return spec;
    }

    private void cancelOnCancel(CompletableFuture<JobResult> result, AtomicReference<String> jobId) {
        result.whenComplete((r, e) -> {
            if (result.isCancelled() && jobId.get() != null) {
                scancel(jobId.get());
            }
        });
    }

    private Optional<String> submit(List<String> sbatch, Map<String, String> env, CompletableFuture<JobResult> result) {
        SlurmCli.Output out;
        try {
            out = cli.run(sbatch, env);
        } catch (IOException e) {
            result.complete(new JobResult.Failed("sbatch could not be started (" + e.getMessage()
                    + "); job type slurm needs the Slurm client programs on PATH", ""));
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.complete(new JobResult.Cancelled("interrupted while submitting the job"));
            return Optional.empty();
        }
        String id = out.exit() == 0 ? BatchScript.parseJobId(out.stdout()) : null;
        if (id == null) {
            result.complete(new JobResult.Failed("sbatch refused the job (exit code " + out.exit() + "): "
                    + (out.stderr().strip() + " " + out.stdout().strip()).strip()
                    + "; check job.partition, job.time, job.cpus, job.mem and job.extra", ""));
            return Optional.empty();
        }
        return Optional.of(id);
    }

    private void track(CompletableFuture<JobResult> result, JobRequest request, SlurmJobSpec spec, Path dir,
                       String jobId, Instant start) {
        tracked.put(jobId, result);
        String metric = spec.metric() != null ? spec.metric() : request.objective();
        Instant deadline = spec.timeout() == null ? null : start.plus(spec.timeout());
        int unknown = 0;
        try {
            while (!result.isDone()) {
                sleeper.sleep(poll);
                if (result.isDone()) {
                    break;
                }
                SlurmPoll.Answer answer = SlurmPoll.status(cli, jobId);
                Duration elapsed = Duration.between(start, clock.instant());
                if (answer.status().isEmpty()) {
                    if (++unknown >= MAX_UNKNOWN) {
                        result.complete(new JobResult.Failed("Slurm no longer reports job " + jobId + " ("
                                + answer.problem() + "); its outcome is unknown", CommandJobLauncher.tail(dir)));
                    }
                    continue;
                }
                unknown = 0;
                SlurmStatus status = answer.status().get();
                if (status.terminal()) {
                    result.complete(SlurmResults.of(status, jobId, spec, metric, dir, elapsed));
                } else if (deadline != null && !clock.instant().isBefore(deadline)) {
                    scancel(jobId);
                    result.complete(new JobResult.TimedOut(spec.timeout(), CommandJobLauncher.tail(dir)));
                }
            }
        } catch (IOException e) {
            result.complete(new JobResult.Failed("the Slurm client could not be run (" + e.getMessage()
                    + "); job " + jobId + " may still be running", CommandJobLauncher.tail(dir)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.complete(new JobResult.Cancelled("the launcher was closed"));
        } finally {
            tracked.remove(jobId);
        }
    }

    private void scancel(String jobId) {
        try {
            cli.run(List.of("scancel", jobId), Map.of());
        } catch (IOException e) {
            // Nothing more to do from here: the job's time limit still ends it.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void writeJobIdFile(Path dir, String jobId) {
        try {
            Files.writeString(dir.resolve(JOB_ID_FILE), jobId + "\n");
        } catch (IOException ignored) {
            // The listener has the id; the file is a second copy for people and for re-attach.
        }
    }

    /** Cancels ({@code scancel}) every job still tracked: a stopped study leaves nothing running on the cluster. */
    @Override
    public void close() {
        for (var e : tracked.entrySet()) {
            if (e.getValue().isDone()) {
                continue;
            }
            scancel(e.getKey());
            e.getValue().complete(new JobResult.Cancelled("the study stopped; Slurm job " + e.getKey() + " was cancelled"));
        }
        threads.shutdownNow();
    }
}
