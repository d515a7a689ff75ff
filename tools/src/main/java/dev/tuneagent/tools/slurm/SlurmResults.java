package dev.tuneagent.tools.slurm;

import dev.tuneagent.core.task.SlurmJobSpec;
import dev.tuneagent.tools.command.CommandJobLauncher;
import dev.tuneagent.tools.job.JobResult;
import java.nio.file.Path;
import java.time.Duration;

/** Turns a finished job's Slurm state into a {@link JobResult} carrying the end of its logs. */
final class SlurmResults {
    private SlurmResults() {
    }

    static JobResult of(SlurmStatus status, String jobId, SlurmJobSpec spec, String metric, Path dir,
                        Duration elapsed) {
        String job = "Slurm job " + jobId;
        String tail = CommandJobLauncher.tail(dir);
        return switch (status.state()) {
            case "COMPLETED" -> CommandJobLauncher.metrics(dir, metric,
                    status.runTime() != null ? status.runTime() : elapsed);
            case "FAILED" -> new JobResult.Failed(job + " failed: " + spec.argv().get(0) + " "
                    + (status.signal() != 0 ? "was killed by signal " + status.signal()
                    : "exited with code " + status.exitCode()), tail);
            case "CANCELLED" -> new JobResult.Failed(job + " was cancelled outside tune (scancel, or an "
                    + "administrator)", tail);
            case "TIMEOUT" -> new JobResult.TimedOut(spec.time() != null
                    ? Duration.ofMinutes(spec.timeMinutes()) : elapsed, tail.isEmpty()
                    ? job + " reached its Slurm time limit" : job + " reached its Slurm time limit (job.time)\n" + tail);
            case "OUT_OF_MEMORY" -> new JobResult.Failed(job + " ran out of memory"
                    + (spec.mem() != null ? " (job.mem: " + spec.mem() + "); raise job.mem" : "; set job.mem"), tail);
            case "NODE_FAIL" -> new JobResult.Failed(job + " failed because its node failed; "
                    + "the configuration itself may be fine", tail);
            case "BOOT_FAIL" -> new JobResult.Failed(job + " never started: its node failed to boot", tail);
            case "PREEMPTED" -> new JobResult.Failed(job + " was preempted by a job of higher priority", tail);
            case "DEADLINE" -> new JobResult.Failed(job + " reached its deadline before it could finish", tail);
            default -> new JobResult.Failed(job + " ended in state " + status.state(), tail);
        };
    }
}
