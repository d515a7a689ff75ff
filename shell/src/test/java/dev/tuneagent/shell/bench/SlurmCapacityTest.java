package dev.tuneagent.shell.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.tools.slurm.SlurmCli;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlurmCapacityTest {
    @Test
    void theNoteSaysHowManyTrialsTheClusterRunsAtOnce() {
        List<List<String>> calls = new ArrayList<>();
        SlurmCli sinfo = (argv, env) -> {
            calls.add(argv);
            return new SlurmCli.Output(0, "0/2/0/2\n", "");
        };
        assertThat(SlurmCapacity.note("debug", sinfo)).contains("partition debug has 2 CPU(s)", "at most 2 run at once",
                "only queues more jobs", "can\n still pass 2x");
        assertThat(calls).containsExactly(List.of("sinfo", "-h", "-o", "%C", "-p", "debug"));
    }

    @Test
    void withoutAnAnswerTheNoteStillNamesTheCap() {
        SlurmCli broken = (argv, env) -> new SlurmCli.Output(1, "", "sinfo: error: Invalid partition name specified");
        assertThat(SlurmCapacity.note("gpu", broken)).contains("Invalid partition name", "free CPUs");
        SlurmCli missing = (argv, env) -> {
            throw new IOException("Cannot run program \"sinfo\"");
        };
        assertThat(SlurmCapacity.note(null, missing)).contains("cannot run sinfo", "capped");
    }
}
