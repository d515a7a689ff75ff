package dev.tuneagent.tools.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.task.CommandJobSpec;
import dev.tuneagent.tools.job.JobRequest;
import dev.tuneagent.tools.job.JobResult;
import dev.tuneagent.tools.job.JobResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timeouts and cancellation kill the whole process tree, not only the program we started. */
class ProcessKillTest {
    @TempDir
    Path tmp;
    CommandJobLauncher launcher;

    @AfterEach
    void close() {
        launcher.close();
    }

    /** A script that starts a grandchild ignoring SIGTERM, tells us its pid through a FIFO, then waits. */
    CompletableFuture<JobResult> launchTree(Path fifo, Duration timeout) throws Exception {
        new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor();
        Path sh = tmp.resolve("tree.sh");
        Files.writeString(sh, """
                #!/bin/sh
                trap '' TERM
                sleep 1000 &
                echo "started a child" >&2
                echo $! > "$PID_FIFO"
                wait
                """);
        sh.toFile().setExecutable(true);
        launcher = new CommandJobLauncher(java.time.Clock.systemUTC(), Map.of("PID_FIFO", fifo.toString()));
        CommandJobSpec spec = new CommandJobSpec(List.of(sh.toString()), timeout, "value", null);
        return launcher.launch(new JobRequest("s", 1, Map.of(), spec, "value", 1L, 1L, tmp.resolve("trial")));
    }

    static ProcessHandle readPid(Path fifo) throws Exception {
        long pid = Long.parseLong(Files.readString(fifo).strip()); // blocks until the script has written it
        return ProcessHandle.of(pid).orElseThrow();
    }

    @Test
    void aTimeoutKillsTheProgramAndItsChildrenEvenWhenTheyIgnoreSigterm() throws Exception {
        Path fifo = tmp.resolve("pid.fifo");
        CompletableFuture<JobResult> future = launchTree(fifo, Duration.ofSeconds(2));
        ProcessHandle child = readPid(fifo);

        JobResult r = JobResults.await(future);

        assertThat(r).isInstanceOf(JobResult.TimedOut.class);
        assertThat(((JobResult.TimedOut) r).limit()).isEqualTo(Duration.ofSeconds(2));
        assertThat(((JobResult.TimedOut) r).logTail()).isEqualTo("started a child");
        child.onExit().get(30, TimeUnit.SECONDS);
        assertThat(child.isAlive()).isFalse();
    }

    @Test
    void cancellingTheFutureKillsTheTreeAndReadsAsCancelled() throws Exception {
        Path fifo = tmp.resolve("pid.fifo");
        CompletableFuture<JobResult> future = launchTree(fifo, null);
        ProcessHandle child = readPid(fifo);
        ProcessHandle parent = child.parent().orElseThrow();

        future.cancel(true);

        assertThat(JobResults.await(future)).isEqualTo(new JobResult.Cancelled("the job was cancelled"));
        child.onExit().get(30, TimeUnit.SECONDS);
        parent.onExit().get(30, TimeUnit.SECONDS);
        assertThat(child.isAlive()).isFalse();
        assertThat(parent.isAlive()).isFalse();
    }
}
