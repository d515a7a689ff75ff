package dev.tuneagent.tools;

import dev.tuneagent.core.task.CommandJobSpec;
import dev.tuneagent.core.task.InProcessJobSpec;
import dev.tuneagent.core.task.JobSpec;
import dev.tuneagent.core.task.SlurmJobSpec;
import dev.tuneagent.tools.command.CommandJobLauncher;
import dev.tuneagent.tools.command.JobProcess;
import dev.tuneagent.tools.data.Datasets;
import dev.tuneagent.tools.inprocess.InProcessCatalog;
import dev.tuneagent.tools.inprocess.InProcessJobLauncher;
import dev.tuneagent.tools.job.JobLauncher;
import dev.tuneagent.tools.job.JobRequest;
import dev.tuneagent.tools.job.JobResult;
import dev.tuneagent.tools.job.JobStartListener;
import dev.tuneagent.tools.job.Reattached;
import dev.tuneagent.tools.slurm.SlurmJobLauncher;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Picks the launcher for a job spec and owns it: one launcher per job type, created on first use and
 * closed with this object. It is itself a {@link JobLauncher} that routes each request by its spec, so
 * the optimization loop needs only one.
 */
public final class JobLaunchers implements JobLauncher {
    private final Lazy<JobLauncher> inprocess;
    private final Lazy<JobLauncher> command;
    private final Lazy<JobLauncher> slurm;
    private volatile JobStartListener started = JobStartListener.NONE;

    /** Default launchers: one in-process trial at a time, commands with the system clock. */
    public JobLaunchers(InProcessCatalog catalog) {
        this(() -> new InProcessJobLauncher(catalog, 1, Clock.systemUTC()),
                (JobStartListener started) -> new CommandJobLauncher(started));
    }

    public JobLaunchers() {
        this(new InProcessCatalog(new Datasets()));
    }

    /** With these launchers; a {@code command} launcher made here is not told {@link #onJobStarted}'s listener. */
    public JobLaunchers(Supplier<JobLauncher> inprocess, Supplier<JobLauncher> command) {
        this(inprocess, (JobStartListener ignored) -> command.get());
    }

    private JobLaunchers(Supplier<JobLauncher> inprocess, Function<JobStartListener, JobLauncher> command) {
        JobStartListener forward = (request, attrs) -> started.started(request, attrs);
        this.inprocess = new Lazy<>(inprocess);
        this.command = new Lazy<>(() -> command.apply(forward));
        this.slurm = new Lazy<>(() -> new SlurmJobLauncher(forward));
    }

    /**
     * Who learns where each job runs once it started: a Slurm job's id ({@value SlurmJobLauncher#ATTR}), a command
     * job's process ({@value JobProcess#ATTR}). The caller stores these attributes with the trial, so a run that
     * takes the trial over re-attaches to the Slurm job, or ends the process, instead of running the trial beside it.
     */
    @Override
    public void onJobStarted(JobStartListener listener) {
        this.started = listener;
    }

    public JobLauncher forSpec(JobSpec spec) {
        if (spec instanceof InProcessJobSpec) {
            return inprocess.get();
        }
        if (spec instanceof CommandJobSpec) {
            return command.get();
        }
        if (spec instanceof SlurmJobSpec) {
            return slurm.get();
        }
        throw new IllegalArgumentException("no launcher for job type " + spec.type());
    }

    @Override
    public CompletableFuture<JobResult> launch(JobRequest request) {
        return forSpec(request.spec()).launch(request);
    }

    @Override
    public Optional<Reattached> reattach(JobRequest request, Map<String, Object> trialAttrs) {
        return forSpec(request.spec()).reattach(request, trialAttrs);
    }

    @Override
    public void close() {
        inprocess.closeIfCreated();
        command.closeIfCreated();
        slurm.closeIfCreated();
    }

    private static final class Lazy<T extends JobLauncher> {
        private final Supplier<T> supplier;
        private T value;

        Lazy(Supplier<T> supplier) {
            this.supplier = supplier;
        }

        synchronized T get() {
            if (value == null) {
                value = supplier.get();
            }
            return value;
        }

        synchronized void closeIfCreated() {
            if (value != null) {
                value.close();
                value = null;
            }
        }
    }
}
