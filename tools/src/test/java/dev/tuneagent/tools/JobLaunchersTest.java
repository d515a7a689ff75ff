package dev.tuneagent.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.task.CommandJobSpec;
import dev.tuneagent.core.task.InProcessJobSpec;
import dev.tuneagent.tools.job.JobLauncher;
import dev.tuneagent.tools.job.JobRequest;
import dev.tuneagent.tools.job.JobResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class JobLaunchersTest {

    /** Records what it was asked to run and whether it was closed. */
    static final class FakeLauncher implements JobLauncher {
        final String name;
        final List<String> log;

        FakeLauncher(String name, List<String> log) {
            this.name = name;
            this.log = log;
            log.add("created " + name);
        }

        @Override
        public CompletableFuture<JobResult> launch(JobRequest request) {
            log.add(name + " ran trial " + request.trial());
            return CompletableFuture.completedFuture(new JobResult.Succeeded(Map.of("value", 1.0), Duration.ZERO));
        }

        @Override
        public void close() {
            log.add("closed " + name);
        }
    }

    @Test
    void eachRequestGoesToTheLauncherOfItsJobTypeCreatedOnFirstUseAndClosedOnce() {
        List<String> log = new ArrayList<>();
        JobLaunchers launchers = new JobLaunchers(() -> new FakeLauncher("inprocess", log),
                () -> new FakeLauncher("command", log));
        var inprocess = new InProcessJobSpec("iris", "knn", 3, null);
        var command = new CommandJobSpec(List.of("python3", "train.py"), Duration.ofSeconds(5), "value", null);

        launchers.launch(new JobRequest("s", 1, Map.of(), command, "value", 0, 0, Path.of("t1")));
        launchers.launch(new JobRequest("s", 2, Map.of(), command, "value", 0, 0, Path.of("t2")));
        assertThat(launchers.forSpec(inprocess)).isSameAs(launchers.forSpec(inprocess));
        launchers.close();

        assertThat(log).containsExactly("created command", "command ran trial 1", "command ran trial 2",
                "created inprocess", "closed inprocess", "closed command");
    }
}
