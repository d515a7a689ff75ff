package dev.tuneagent.core.task;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Run an external program per trial as a Slurm batch job. {@code argv}, {@code {params}}, {@code TUNE_PARAMS}
 * and the metric line work exactly as for {@link CommandJobSpec}; the rest become {@code sbatch} options.
 *
 * @param timeout   how long tune waits for the job, queueing included, before it cancels it; null: no limit
 *                  beyond {@code time}
 * @param workdir   the directory trials run under (a subdirectory per trial); it must be visible from the
 *                  compute nodes (default {@code runs/} next to the task file)
 * @param partition {@code --partition}, or null for the cluster's default
 * @param time      {@code --time}, the job's run-time limit (Slurm counts whole minutes), or null
 * @param cpus      {@code --cpus-per-task}, or null
 * @param mem       {@code --mem} such as {@code 4G}, or null
 * @param extra     further sbatch options, each one argument such as {@code --gres=gpu:1}
 */
public record SlurmJobSpec(List<String> argv, Duration timeout, String metric, Path workdir, String partition,
                           Duration time, Integer cpus, String mem, List<String> extra) implements JobSpec {
    public SlurmJobSpec {
        argv = List.copyOf(argv);
        extra = List.copyOf(extra);
    }

    @Override
    public String type() {
        return "slurm";
    }

    /** {@code time} in whole minutes, rounded up (what Slurm would make of it), or null. */
    public Long timeMinutes() {
        return time == null ? null : Math.max(1, (time.toSeconds() + 59) / 60);
    }
}
