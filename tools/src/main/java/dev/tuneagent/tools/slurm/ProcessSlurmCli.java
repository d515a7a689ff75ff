package dev.tuneagent.tools.slurm;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Slurm client programs as processes. Every call gets stdin from /dev/null (sbatch waits on a pipe
 * forever when its script is missing), an environment without {@code SLURM_*} variables (sbatch copies the
 * caller's environment into the job, and a tune started inside a Slurm job must not pass its own
 * allocation on), and a time limit (clients retry for minutes when the controller is down).
 */
public final class ProcessSlurmCli implements SlurmCli {
    static final Duration CALL_LIMIT = Duration.ofSeconds(60);

    @Override
    public Output run(List<String> argv, Map<String, String> env) throws IOException, InterruptedException {
        Path out = Files.createTempFile("tune-slurm-", ".out");
        Path err = Files.createTempFile("tune-slurm-", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(argv)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            Map<String, String> e = pb.environment();
            e.keySet().removeIf(k -> k.startsWith("SLURM_"));
            e.putAll(env);
            Process p = pb.start();
            if (!p.waitFor(CALL_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Output(-1, "", argv.get(0) + " did not answer within " + CALL_LIMIT.toSeconds()
                        + " s (is slurmctld running?)");
            }
            return new Output(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
