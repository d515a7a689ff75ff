package dev.tuneagent.tools.slurm;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One look at a job: {@code scontrol} first, {@code sacct} when the controller no longer holds the job. */
final class SlurmPoll {
    private SlurmPoll() {
    }

    /** The status, or empty with what went wrong. */
    record Answer(Optional<SlurmStatus> status, String problem) {
    }

    static Answer status(SlurmCli cli, String jobId) throws IOException, InterruptedException {
        SlurmCli.Output sc = cli.run(List.of("scontrol", "show", "job", "-o", jobId), Map.of());
        if (sc.exit() == 0) {
            Optional<SlurmStatus> s = SlurmStatus.fromScontrol(sc.stdout());
            if (s.isPresent()) {
                return new Answer(s, "");
            }
        }
        String problem = "scontrol: " + (sc.stderr().strip().isEmpty() ? "exit code " + sc.exit() : sc.stderr().strip());
        SlurmCli.Output sa;
        try {
            sa = cli.run(List.of("sacct", "-n", "-P", "-X", "-j", jobId, "-o", "State,ExitCode"), Map.of());
        } catch (IOException e) {
            return new Answer(Optional.empty(), problem + "; sacct: " + e.getMessage());
        }
        if (sa.exit() == 0) {
            Optional<SlurmStatus> s = SlurmStatus.fromSacct(sa.stdout());
            if (s.isPresent()) {
                return new Answer(s, "");
            }
        }
        return new Answer(Optional.empty(), problem + "; sacct: " + (sa.stderr().strip().isEmpty()
                ? "no record" : sa.stderr().strip()));
    }
}
