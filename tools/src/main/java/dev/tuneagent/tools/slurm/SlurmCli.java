package dev.tuneagent.tools.slurm;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Runs one Slurm client command ({@code sbatch}, {@code scontrol}, {@code sacct}, {@code scancel}). The real
 * one is {@link ProcessSlurmCli}; tests of the polling and the state mapping use a scripted fake.
 */
public interface SlurmCli {

    /** What the command printed and how it exited. */
    record Output(int exit, String stdout, String stderr) {
    }

    /**
     * Runs {@code argv} with {@code env} added to an environment that holds no {@code SLURM_*} variable.
     * Throws IOException when the program cannot be started (not installed).
     */
    Output run(List<String> argv, Map<String, String> env) throws IOException, InterruptedException;
}
