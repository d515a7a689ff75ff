package dev.tuneagent.tools.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tuneagent.core.store.Owner;
import dev.tuneagent.core.task.CommandJobSpec;
import dev.tuneagent.tools.JobLaunchers;
import dev.tuneagent.tools.job.JobRequest;
import dev.tuneagent.tools.job.JobResult;
import dev.tuneagent.tools.job.JobResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command job says where it runs as soon as it started: to the job-started listener and in its directory. */
class ProcessRecordTest {
    @TempDir
    Path dir;

    @Test
    void theJobsProcessGoesToTheListenerAndIntoTheTrialDirectoryWhileItRuns() throws Exception {
        Path pidFile = dir.resolve("pid");
        // The job writes its own pid ($$ of the shell, which execs nothing) so the record can be checked against it,
        // and stays alive until the record is written: a process that has already exited has no start instant to read.
        Path record = dir.resolve("trial-0007").resolve(JobProcess.FILE);
        var spec = new CommandJobSpec(List.of("/bin/sh", "-c", "echo $$ > " + pidFile
                + "; while [ ! -s " + record + " ]; do sleep 0.05; done; echo '{\"value\": 1}'"),
                Duration.ofSeconds(30), "value", null);
        List<String> seen = new CopyOnWriteArrayList<>();
        List<Map<String, Object>> attrs = new CopyOnWriteArrayList<>();
        try (JobLaunchers launchers = new JobLaunchers()) {
            launchers.onJobStarted((request, a) -> {
                seen.add(request.study() + "#" + request.trial());
                attrs.add(a);
            });
            JobResult r = JobResults.await(launchers.launch(
                    new JobRequest("s", 7, Map.of(), spec, "value", 1, 1, dir.resolve("trial-0007"))));
            assertThat(r).isInstanceOf(JobResult.Succeeded.class);
        }

        assertThat(seen).containsExactly("s#7");
        JobProcess p = JobProcess.parse(attrs.get(0).get(JobProcess.ATTR)).value().orElseThrow();
        assertThat(p.host()).isEqualTo(Owner.forThisProcess().host());
        assertThat(p.pid()).isEqualTo(Long.parseLong(Files.readString(pidFile).strip()));
        assertThat(p.start()).isBetween(Instant.now().minus(Duration.ofMinutes(1)), Instant.now());
        Object inFile = new ObjectMapper().readValue(dir.resolve("trial-0007").resolve(JobProcess.FILE).toFile(), Map.class);
        assertThat(JobProcess.parse(inFile).value()).contains(p);
    }
}
