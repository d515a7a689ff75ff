package dev.tuneagent.tools.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlurmStatusTest {
    @Test
    void scontrolLinesAreReadByKeyNotByPosition() {
        String line = "JobId=1 JobName=tune a b JobState=X UserId=root(0) JobState=FAILED Reason=NonZeroExitCode "
                + "ExitCode=3:0 RunTime=1-02:03:04 TimeLimit=UNLIMITED";
        // The first JobState= inside a job name with spaces would fool a split; \b anchors the key.
        SlurmStatus s = SlurmStatus.fromScontrol("JobId=1 JobName=tune JobState=FAILED Reason=NonZeroExitCode "
                + "ExitCode=3:0 RunTime=1-02:03:04").orElseThrow();
        assertThat(s).isEqualTo(new SlurmStatus("FAILED", 3, 0, Duration.parse("P1DT2H3M4S")));
        assertThat(s.terminal()).isTrue();
        assertThat(SlurmStatus.fromScontrol(line)).isPresent();
        assertThat(SlurmStatus.fromScontrol("slurm_load_jobs error: Invalid job id specified")).isEmpty();
    }

    @Test
    void completingAndPendingAreNotTerminal() {
        assertThat(SlurmStatus.fromScontrol("JobState=COMPLETING ExitCode=0:0").orElseThrow().terminal()).isFalse();
        assertThat(SlurmStatus.fromScontrol("JobState=PENDING").orElseThrow().terminal()).isFalse();
    }

    @Test
    void sacctLinesGiveStateAndExitCode() {
        assertThat(SlurmStatus.fromSacct("CANCELLED by 0|0:15\n")).contains(new SlurmStatus("CANCELLED", 0, 15, null));
        assertThat(SlurmStatus.fromSacct("OUT_OF_MEMORY|0:125\n")).contains(new SlurmStatus("OUT_OF_MEMORY", 0, 125, null));
        assertThat(SlurmStatus.fromSacct("OUT_OF_MEMORY|0:125\n").orElseThrow().terminal()).isTrue();
        assertThat(SlurmStatus.fromSacct("")).isEmpty();
    }

    @Test
    void parsableAnswersGiveTheJobId() {
        assertThat(BatchScript.parseJobId("42\n")).isEqualTo("42");
        assertThat(BatchScript.parseJobId("42;cluster\n")).isEqualTo("42");
        assertThat(BatchScript.parseJobId("Submitted batch job 42")).isNull();
    }
}
