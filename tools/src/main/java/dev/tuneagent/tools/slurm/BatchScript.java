package dev.tuneagent.tools.slurm;

import dev.tuneagent.core.task.SlurmJobSpec;
import dev.tuneagent.tools.command.CommandJobLauncher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The batch script and the {@code sbatch} command line of one trial. The script is the same for every
 * trial: it runs its own arguments ({@code exec "$@"}), which sbatch passes after the script's path. So
 * neither the parameters (they are in {@code params.json}) nor the task's argv are ever pasted into shell
 * text, and no value can inject a command.
 */
public final class BatchScript {
    public static final String SCRIPT_FILE = "job.sh";
    static final String SCRIPT = """
            #!/bin/sh
            # Written by tune-agent. The program and its arguments come from sbatch's command line ("$@"),
            # the trial's parameters from the file named by $TUNE_PARAMS: nothing is pasted into this text.
            exec "$@"
            """;

    private BatchScript() {
    }

    /** {@code tune-STUDY-NUMBER}, so users find a study's jobs in {@code squeue}. */
    public static String jobName(String study, int trial) {
        return "tune-" + study + "-" + trial;
    }

    /** Writes the script into the trial's directory and returns its path. */
    static Path write(Path dir) throws IOException {
        Path script = dir.resolve(SCRIPT_FILE);
        Files.writeString(script, SCRIPT);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /** The sbatch command line: options, then the script, then the program's argv (the script's "$@"). */
    static List<String> sbatch(SlurmJobSpec spec, String jobName, Path dir, Path script, List<String> argv) {
        List<String> cmd = new ArrayList<>(List.of("sbatch", "--parsable", "--job-name=" + jobName,
                "--output=" + dir.resolve(CommandJobLauncher.STDOUT_FILE),
                "--error=" + dir.resolve(CommandJobLauncher.STDERR_FILE),
                "--chdir=" + dir));
        if (spec.partition() != null) {
            cmd.add("--partition=" + spec.partition());
        }
        if (spec.timeMinutes() != null) {
            cmd.add("--time=" + spec.timeMinutes());
        }
        if (spec.cpus() != null) {
            cmd.add("--cpus-per-task=" + spec.cpus());
        }
        if (spec.mem() != null) {
            cmd.add("--mem=" + spec.mem());
        }
        cmd.addAll(spec.extra());
        cmd.add(script.toString());
        cmd.addAll(argv);
        return cmd;
    }

    /** The job id in {@code sbatch --parsable}'s answer ({@code 42} or {@code 42;cluster}), or null. */
    static String parseJobId(String stdout) {
        String first = stdout.strip().split("\n")[0].split(";")[0].strip();
        return first.matches("\\d+(_\\d+)?") ? first : null;
    }
}
