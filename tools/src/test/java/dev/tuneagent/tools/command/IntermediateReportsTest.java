package dev.tuneagent.tools.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.task.CommandJobSpec;
import dev.tuneagent.core.task.InProcessJobSpec;
import dev.tuneagent.tools.inprocess.InProcessJobLauncher;
import dev.tuneagent.tools.job.JobRequest;
import dev.tuneagent.tools.job.JobResult;
import dev.tuneagent.tools.job.JobResults;
import dev.tuneagent.tools.job.Reporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntermediateReportsTest {
    @TempDir
    Path tmp;
    final CommandJobLauncher launcher = new CommandJobLauncher();

    @AfterEach
    void close() {
        launcher.close();
    }

    /** Records every report and every skipped one; prunes at {@code pruneAt} (or never, with -1). */
    static final class Recorder implements Reporter {
        final List<String> seen = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        final int pruneAt;

        Recorder(int pruneAt) {
            this.pruneAt = pruneAt;
        }

        @Override
        public synchronized boolean report(int step, double value) {
            seen.add(step + ":" + value);
            return step == pruneAt;
        }

        @Override
        public synchronized void problem(String message) {
            problems.add(message);
        }
    }

    JobResult python(String code, Reporter reporter) throws Exception {
        Path p = tmp.resolve("train.py");
        Files.writeString(p, code);
        CommandJobSpec spec = new CommandJobSpec(List.of("/usr/bin/python3", "-u", p.toString()), Duration.ofSeconds(60),
                "value", null);
        return JobResults.await(launcher.launch(new JobRequest("s", 0, Map.of(), spec, "value", 1, 1,
                tmp.resolve("trial"), reporter)));
    }

    @Test
    void reports_are_read_while_the_program_runs_and_a_pruned_program_is_stopped() throws Exception {
        // Without pruning this program would wait for a file that never appears (the test would time out at 60 s).
        Path never = tmp.resolve("never");
        Recorder r = new Recorder(2);
        JobResult result = python("""
                import json, os, time
                for step in range(1, 100):
                    print(json.dumps({"step": step, "value": 1.0 / step}))
                    if step >= 2:
                        while not os.path.exists(%s):
                            time.sleep(0.05)
                print(json.dumps({"value": 0.001}))
                """.formatted("'" + never + "'"), r);
        assertThat(result).isInstanceOf(JobResult.Pruned.class);
        JobResult.Pruned p = (JobResult.Pruned) result;
        assertThat(p.step()).isEqualTo(2);
        assertThat(p.value()).isEqualTo(0.5);
        assertThat(r.seen).containsExactly("1:1.0", "2:0.5");
    }

    @Test
    void the_final_metric_is_the_last_line_without_a_step_and_bad_reports_are_skipped_with_a_reason() throws Exception {
        Recorder r = new Recorder(-1);
        JobResult result = python("""
                import json
                print(json.dumps({"step": 1, "value": 0.9}))
                print(json.dumps({"step": 3, "value": 0.7}))
                print(json.dumps({"step": 2, "value": 0.8}))
                print('{"step": 4, "value": NaN}')
                print(json.dumps({"step": 5}))
                print(json.dumps({"step": 6, "value": 0.6}))
                print(json.dumps({"value": 0.55}))
                print(json.dumps({"step": 7, "value": 0.5}))
                """, r);
        assertThat(result).isInstanceOf(JobResult.Succeeded.class);
        assertThat(((JobResult.Succeeded) result).metrics()).containsEntry("value", 0.55);
        assertThat(r.seen).containsExactly("1:0.9", "3:0.7", "6:0.6");
        assertThat(r.problems).hasSize(4);
        assertThat(r.problems.get(0)).contains("step 2 after step 3: steps must increase");
        assertThat(r.problems.get(1)).contains("step 4").contains("NaN").contains("finite");
        assertThat(r.problems.get(2)).contains("step 5").contains("missing");
        assertThat(r.problems.get(3)).contains("step 7 after the final metric line");
    }

    @Test
    void without_a_listener_step_lines_are_still_not_the_final_metric() throws Exception {
        JobResult result = python("""
                import json
                print(json.dumps({"value": 0.4}))
                print(json.dumps({"step": 1, "value": 0.9}))
                """, Reporter.NONE);
        assertThat(((JobResult.Succeeded) result).metrics()).containsEntry("value", 0.4);
    }

    @Test
    void in_process_folds_are_steps_with_the_running_mean_and_pruning_stops_between_folds() throws Exception {
        var inprocess = new InProcessJobLauncher();
        try {
            Recorder all = new Recorder(-1);
            var spec = new InProcessJobSpec("iris", "knn", 5, null);
            JobResult done = JobResults.await(inprocess.launch(new JobRequest("s", 0, Map.of(), spec, "accuracy", 1, 1,
                    tmp.resolve("a"), all)));
            assertThat(all.seen).hasSize(5);
            double mean = ((JobResult.Succeeded) done).metrics().get("accuracy");
            assertThat(all.seen.get(4)).isEqualTo("5:" + mean);

            Recorder prune = new Recorder(2);
            JobResult stopped = JobResults.await(inprocess.launch(new JobRequest("s", 0, Map.of(), spec, "accuracy", 1,
                    1, tmp.resolve("b"), prune)));
            assertThat(stopped).isInstanceOf(JobResult.Pruned.class);
            assertThat(((JobResult.Pruned) stopped).step()).isEqualTo(2);
            assertThat(prune.seen).containsExactly(all.seen.get(0), all.seen.get(1));
        } finally {
            inprocess.close();
        }
    }

    @Test
    void a_reporter_that_throws_never_leaves_the_job_without_a_result() throws Exception {
        List<String> problems = new ArrayList<>();
        Reporter broken = new Reporter() {
            @Override
            public boolean report(int step, double value) {
                throw new IllegalStateException("store gone");
            }

            @Override
            public synchronized void problem(String message) {
                problems.add(message);
            }
        };
        JobResult result = python("""
                import json
                print(json.dumps({"step": 1, "value": 0.9}))
                print(json.dumps({"value": 0.5}))
                """, broken);
        assertThat(((JobResult.Succeeded) result).metrics()).containsEntry("value", 0.5);
        assertThat(problems).singleElement().asString().contains("step 1").contains("store gone");
    }
}
