package dev.tuneagent.shell.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.store.InMemoryStudyStore;
import dev.tuneagent.core.store.Owner;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import dev.tuneagent.core.task.TaskFileParser;
import dev.tuneagent.core.task.TaskFileWriter;
import dev.tuneagent.core.task.TaskSpec;
import dev.tuneagent.tools.job.JobStartListener;
import dev.tuneagent.tools.slurm.SlurmCli;
import dev.tuneagent.tools.slurm.SlurmJobLauncher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With several workers on one study, {@code resume} re-attaches only to the Slurm jobs of trials whose owner is gone
 * (stale lease); a live worker's jobs stay that worker's.
 */
class SlurmReattachTest {
    static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    static final Duration GRACE = Duration.ofSeconds(60);
    @TempDir
    Path dir;

    /** Every job asked about has completed; records which ones were asked about. */
    static final class CompletedJobs implements SlurmCli {
        final List<String> asked = new CopyOnWriteArrayList<>();

        @Override
        public Output run(List<String> argv, Map<String, String> env) {
            asked.add(String.join(" ", argv));
            return new Output(0, "JobId=" + argv.get(argv.size() - 1) + " JobState=COMPLETED ExitCode=0:0", "");
        }
    }

    TaskSpec task() {
        return new TaskFileParser().parse("""
                name: shared
                objective: {metric: value, direction: minimize}
                job: {type: slurm, argv: [./train.sh], partition: debug, time: 2m}
                space:
                  x: {type: float, low: -2, high: 2}
                budget: {trials: 4}
                proposer: random
                """, dir, false);
    }

    Trial start(InMemoryStudyStore store, double x, Instant at, String jobId) throws Exception {
        Trial t = store.startTrial("shared", new Proposal(Map.of("x", x), Provenance.of("random", 0)), at);
        store.putTrialAttrs("shared", t.number(), Map.of(SlurmJobLauncher.ATTR, jobId));
        Path trialDir = Files.createDirectories(dir.resolve(String.format("trial-%04d", t.number())));
        Files.writeString(trialDir.resolve("stdout.log"), "{\"value\": " + x + "}\n");
        return t;
    }

    @Test
    void onlyTrialsWhoseLeaseIsStaleAreReattachedNeverALiveWorkersJobs() throws Exception {
        TaskSpec task = task();
        InMemoryStudyStore me = new InMemoryStudyStore(new Owner("here", 100, "me"));
        me.createStudy(new StudyDefinition(task.name(), task.space(), task.direction(), task.metric(), task.seed(),
                task.trials(), TaskFileWriter.toJson(task), T0));
        InMemoryStudyStore silent = me.asWorker(new Owner("node-a", 200, "silent"));
        InMemoryStudyStore live = me.asWorker(new Owner("node-b", 300, "live"));
        start(silent, 0.5, T0, "111");                       // its worker stopped heartbeating at T0
        start(live, 1.5, T0, "222");
        live.heartbeat("shared", T0.plus(Duration.ofMinutes(10)));  // still alive 10 minutes later
        Clock now = Clock.fixed(T0.plus(Duration.ofMinutes(10)).plusSeconds(5), ZoneOffset.UTC);
        CompletedJobs slurm = new CompletedJobs();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int collected = SlurmReattach.collect(me, task, dir, () -> new SlurmJobLauncher(slurm, now, d -> { },
                Duration.ofSeconds(1), JobStartListener.NONE), GRACE, now, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(collected).isEqualTo(1);
        List<Trial> trials = me.trials("shared");
        assertThat(trials.get(0).state()).isEqualTo(TrialState.COMPLETE);
        assertThat(trials.get(0).value()).isEqualTo(0.5);
        assertThat(trials.get(1).state()).as("a live worker's trial").isEqualTo(TrialState.RUNNING);
        assertThat(slurm.asked).isNotEmpty().allMatch(c -> c.endsWith(" 111")).noneMatch(c -> c.contains("scancel"));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("re-attaching to Slurm job 111")
                .doesNotContain("222");
    }
}
