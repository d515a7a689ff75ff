package dev.tuneagent.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tuneagent.core.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlurmSectionTest {
    static final String SLURM = """
            name: quad-slurm
            objective: {metric: loss, direction: minimize}
            job: {type: slurm, argv: [python3, train.py, "{params}"], timeout: 2h, metric: value, partition: debug,
                  time: 10m, cpus: 2, mem: 4G, extra: ["--gres=gpu:1", "--account=ml"]}
            space:
              x: {type: float, low: -5, high: 5}
            budget: {trials: 8}
            """;
    @TempDir
    Path dir;

    private TaskSpec parse(String yaml) {
        return new TaskFileParser().parse(yaml, dir, false);
    }

    private String error(String yaml) {
        Throwable t = catchThrowable(() -> parse(yaml));
        assertThat(t).isInstanceOf(ConfigException.class);
        return t.getMessage();
    }

    @Test
    void everyKeyOfTheIssuesExampleIsRead() {
        SlurmJobSpec job = (SlurmJobSpec) parse(SLURM).job();
        assertThat(job).isEqualTo(new SlurmJobSpec(List.of("python3", "train.py", "{params}"), Duration.ofHours(2),
                "value", dir.resolve("runs"), "debug", Duration.ofMinutes(10), 2, "4G",
                List.of("--gres=gpu:1", "--account=ml")));
        assertThat(job.type()).isEqualTo("slurm");
        assertThat(job.timeMinutes()).isEqualTo(10L);
    }

    @Test
    void onlyArgvIsRequiredAndTheMetricDefaultsToTheObjective() {
        SlurmJobSpec job = (SlurmJobSpec) parse(SLURM.replaceAll("(?s)job: \\{.*?\\]}", "job: {type: slurm, argv: [./t.sh]}"))
                .job();
        assertThat(job.metric()).isEqualTo("loss");
        assertThat(job.timeout()).isNull();
        assertThat(job.time()).isNull();
        assertThat(job.cpus()).isNull();
        assertThat(job.extra()).isEmpty();
        assertThat(job.workdir()).isEqualTo(dir.resolve("runs"));
    }

    @Test
    void theTimeIsRoundedUpToWholeMinutesAsSlurmWould() {
        SlurmJobSpec job = (SlurmJobSpec) parse(SLURM.replace("time: 10m", "time: 61s")).job();
        assertThat(job.timeMinutes()).isEqualTo(2L);
        assertThat(((SlurmJobSpec) parse(SLURM.replace("time: 10m", "time: 5s")).job()).timeMinutes()).isEqualTo(1L);
    }

    @Test
    void badValuesNameTheFieldAndWhatIsExpected() {
        assertThat(error(SLURM.replace("mem: 4G", "mem: lots"))).startsWith("job.mem: got \"lots\", expected a memory size");
        assertThat(error(SLURM.replace("cpus: 2", "cpus: 0"))).isEqualTo("job.cpus: got 0, expected an integer >= 1");
        assertThat(error(SLURM.replace("partition: debug", "partition: \"a b\""))).startsWith("job.partition: got \"a b\"");
        assertThat(error(SLURM.replace("time: 10m", "time: forever"))).startsWith("job.time: got \"forever\"");
        assertThat(error(SLURM.replace("\"--account=ml\"", "\"--output=/tmp/x\"")))
                .startsWith("job.extra[1]: got \"--output=/tmp/x\", expected an option tune does not set itself");
        assertThat(error(SLURM.replace("\"--account=ml\"", "\"echo hi\""))).startsWith("job.extra[1]: got \"echo hi\"");
        assertThat(error(SLURM.replace("cpus: 2", "cpu: 2"))).startsWith("job.cpu: unknown key");
        assertThat(error(SLURM.replace("space:\n  x: {type: float, low: -5, high: 5}\n", "")))
                .startsWith("space: missing; a slurm job has no default search space");
    }

    @Test
    void aWrittenTaskReadsBackTheSame() {
        TaskSpec task = parse(SLURM);
        String json = TaskFileWriter.write(task).toString();
        assertThat(new TaskFileParser().parse(json, dir, true).job()).isEqualTo(task.job());
    }
}
