package dev.tuneagent.agent.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.store.InMemoryStudyStore;
import dev.tuneagent.core.store.Owner;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.TrialState;
import dev.tuneagent.core.task.CommandJobSpec;
import dev.tuneagent.tools.command.JobProcess;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run that takes over trials found RUNNING ends the command jobs they left running before anything runs again. */
class LeftRunningJobsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final CommandJobSpec JOB = new CommandJobSpec(List.of("true"), Duration.ofSeconds(5), "loss", null);
    @TempDir
    Path dir;

    @Test
    void theJobOfATrialFoundRunningIsEndedBeforeItsConfigurationRunsAgain() throws Exception {
        InMemoryStudyStore store = new InMemoryStudyStore();
        store.createStudy(new StudyDefinition("s", FakeJobs.SPACE, Direction.MINIMIZE, "loss", 7, 2, "{}",
                CLOCK.instant()));
        Process orphan = new ProcessBuilder("sleep", "300").start();
        try {
            store.startTrial("s", new Proposal(Map.of("x", 2.5), Provenance.of("gp", 1)), CLOCK.instant());
            store.putTrialAttrs("s", 0, Map.of(JobProcess.ATTR,
                    JobProcess.of(orphan.toHandle(), Owner.forThisProcess().host()).toAttr()));
            List<String> seen = new ArrayList<>();
            FakeJobs.ScriptedLauncher jobs = new FakeJobs.ScriptedLauncher();
            jobs.script = request -> {
                seen.add("launch #" + request.trial() + (orphan.isAlive() ? " beside the old job" : ""));
                return null;
            };
            OptimizerListener listener = new OptimizerListener() {
                @Override
                public void notice(String message) {
                    seen.add(message);
                }
            };

            RunOutcome out = new Optimizer(store, jobs, CLOCK, listener)
                    .run(new StudyRun("s", JOB, FakeJobs.seeded("gp"), dir));

            assertThat(out.recovered()).isEqualTo(1);
            assertThat(orphan.isAlive()).isFalse();
            assertThat(seen).hasSize(2);
            assertThat(seen.get(0)).startsWith("Trial #0: ended its job").contains("pid " + orphan.pid());
            assertThat(seen.get(1)).isEqualTo("launch #1");
            assertThat(store.trials("s").get(1).params()).isEqualTo(Map.of("x", 2.5));
            assertThat(store.trials("s")).extracting(t -> t.state())
                    .containsExactly(TrialState.FAILED, TrialState.COMPLETE);
        } finally {
            orphan.destroyForcibly();
        }
    }
}
