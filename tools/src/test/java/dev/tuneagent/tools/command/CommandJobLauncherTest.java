package dev.tuneagent.tools.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tuneagent.core.task.CommandJobSpec;
import dev.tuneagent.tools.job.JobRequest;
import dev.tuneagent.tools.job.JobResult;
import dev.tuneagent.tools.job.JobResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandJobLauncherTest {
    static final String PY = "/usr/bin/python3";

    @TempDir
    Path tmp;
    final CommandJobLauncher launcher = new CommandJobLauncher();

    @AfterEach
    void close() {
        launcher.close();
    }

    Path script(String name, String text) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        p.toFile().setExecutable(true);
        return p;
    }

    JobResult run(List<String> argv, Map<String, Object> params, String metric, Duration timeout) throws Exception {
        CommandJobSpec spec = new CommandJobSpec(argv, timeout, metric, null);
        JobRequest req = new JobRequest("study-1", 7, params, spec, "value", 42L, 42L, tmp.resolve("trial-7"));
        return JobResults.await(launcher.launch(req));
    }

    JobResult python(String code, Map<String, Object> params, String metric) throws Exception {
        Path p = script("train.py", code);
        return run(List.of(PY, p.toString(), "{params}"), params, metric, Duration.ofSeconds(60));
    }

    @Test
    void everyNumericKeyOfTheLastJsonLineBecomesAMetric() throws Exception {
        JobResult r = python("""
                import json
                print("epoch 1 loss 3.0")
                print(json.dumps({"value": 0.1}))
                print(json.dumps({"value": 0.75, "loss": 1.5, "note": "text is ignored", "flag": True}))
                print("trailing progress line")
                """, Map.of(), "value");
        assertThat(r).isInstanceOf(JobResult.Succeeded.class);
        assertThat(((JobResult.Succeeded) r).metrics()).containsOnly(Map.entry("value", 0.75), Map.entry("loss", 1.5));
    }

    @Test
    void theParamsFileHoldsTheParametersAndItsPathReplacesThePlaceholderAndIsInTheEnvironment() throws Exception {
        Path p = script("train.py", """
                import json, os, sys
                path = sys.argv[1]
                assert sys.argv[2] == "--params=" + path, sys.argv
                assert os.environ["TUNE_PARAMS"] == path
                assert os.getcwd() == os.path.dirname(path)
                params = json.load(open(path))
                print(json.dumps({"value": params["x"] * 2 + params["n"], "trial": int(os.environ["TUNE_TRIAL"]),
                                  "seed": int(os.environ["TUNE_SEED"]), "study_ok": int(os.environ["TUNE_STUDY"] == "study-1"),
                                  "kernel_is_rbf": int(params["kernel"] == "rbf")}))
                """);
        Map<String, Object> params = Map.of("x", 0.25, "n", 3L, "kernel", "rbf");
        JobResult r = run(List.of(PY, p.toString(), "{params}", "--params={params}"), params, "value",
                Duration.ofSeconds(60));
        assertThat(r).isInstanceOf(JobResult.Succeeded.class);
        assertThat(((JobResult.Succeeded) r).metrics()).containsEntry("value", 3.5).containsEntry("trial", 7.0)
                .containsEntry("seed", 42.0).containsEntry("study_ok", 1.0).containsEntry("kernel_is_rbf", 1.0);
    }

    @Test
    void hostileParameterValuesNeverBecomeArgumentsOrShellSyntax() throws Exception {
        Path marker = tmp.resolve("pwned");
        Path p = script("train.py", """
                import json, sys
                json.dump(sys.argv[1:], open(sys.argv[1] + ".argv", "w"))
                print(json.dumps({"value": len(sys.argv)}))
                """);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("cmd", "; rm -rf / ; touch " + marker);
        params.put("flag", "--evil");
        params.put("subst", "$(touch " + marker + ") `touch " + marker + "`");
        params.put("quote", "\" {params} '");
        JobResult r = run(List.of(PY, p.toString(), "{params}"), params, "value", Duration.ofSeconds(60));

        assertThat(r).isInstanceOf(JobResult.Succeeded.class);
        assertThat(((JobResult.Succeeded) r).metrics()).containsEntry("value", 2.0);
        Path paramsFile = tmp.resolve("trial-7").resolve(CommandJobLauncher.PARAMS_FILE).toAbsolutePath();
        ObjectMapper json = new ObjectMapper();
        List<String> argv = json.readValue(Files.readString(Path.of(paramsFile + ".argv")),
                new com.fasterxml.jackson.core.type.TypeReference<List<String>>() { });
        assertThat(argv).containsExactly(paramsFile.toString());
        Map<String, Object> written = json.readValue(paramsFile.toFile(),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        assertThat(written).isEqualTo(params);
        assertThat(marker).doesNotExist();
    }

    @Test
    void aNonZeroExitFailsWithTheExitCodeAndTheStderrTail() throws Exception {
        JobResult r = python("""
                import sys
                for i in range(100):
                    print("noise line", i, file=sys.stderr)
                print("ValueError: learning rate must be positive", file=sys.stderr)
                sys.exit(3)
                """, Map.of(), "value");
        assertThat(r).isInstanceOf(JobResult.Failed.class);
        JobResult.Failed f = (JobResult.Failed) r;
        assertThat(f.reason()).contains("exited with code 3");
        assertThat(f.logTail()).endsWith("ValueError: learning rate must be positive").doesNotContain("noise line 79");
        assertThat(f.logTail().split("\n")).hasSize(LogTail.MAX_LINES);
    }

    @Test
    void aMissingMetricFailsNamingTheKeyAndTheKeysThatWerePrinted() throws Exception {
        JobResult r = python("print('{\"loss\": 0.2, \"f1\": 0.8}')", Map.of(), "accuracy");
        assertThat(r).isInstanceOf(JobResult.Failed.class);
        assertThat(((JobResult.Failed) r).reason()).contains("no key \"accuracy\"").contains("loss, f1");
    }

    @Test
    void aNonNumericMetricFails() throws Exception {
        JobResult r = python("print('{\"value\": \"high\"}')", Map.of(), "value");
        assertThat(((JobResult.Failed) r).reason()).isEqualTo("metric \"value\" is \"high\", not a number");
    }

    @Test
    void aNanMetricFails() throws Exception {
        JobResult r = python("import json; print(json.dumps({'value': float('nan')}))", Map.of(), "value");
        assertThat(((JobResult.Failed) r).reason()).isEqualTo("metric \"value\" is NaN");
    }

    @Test
    void anInfiniteMetricFails() throws Exception {
        JobResult r = python("import json; print(json.dumps({'value': float('-inf')}))", Map.of(), "value");
        assertThat(((JobResult.Failed) r).reason()).isEqualTo("metric \"value\" is -infinity");
    }

    @Test
    void aMetricLineOverTheSizeLimitIsCalledTooLong() throws Exception {
        JobResult r = python("import json; print(json.dumps({'value': 1, 'pad': 'x' * 70000}))", Map.of(), "value");
        assertThat(((JobResult.Failed) r).reason()).startsWith("line 1 of stdout starts like a JSON object but is")
                .contains("over the limit of " + MetricLine.MAX_LINE_CHARS);
    }

    @Test
    void aProgramThatPrintsNoJsonLineFailsWithAnExample() throws Exception {
        JobResult r = python("print('accuracy = 0.93')", Map.of(), "value");
        assertThat(((JobResult.Failed) r).reason()).contains("no JSON object line").contains("{\"value\": 0.93}");
        assertThat(((JobResult.Failed) r).logTail()).isEqualTo("accuracy = 0.93");
    }

    @Test
    void anUnknownProgramFailsWithAHintToFixArgvZero() throws Exception {
        JobResult r = run(List.of("python3x", "train.py"), Map.of(), "value", Duration.ofSeconds(5));
        assertThat(((JobResult.Failed) r).reason()).isEqualTo("python3x: command not found on PATH; fix job.argv[0]");
    }

    @Test
    void aMissingScriptPathFailsWithAHintToFixArgvZero() throws Exception {
        JobResult r = run(List.of("./nope.sh"), Map.of(), "value", Duration.ofSeconds(5));
        assertThat(((JobResult.Failed) r).reason()).isEqualTo("./nope.sh: no such file; fix job.argv[0]");
    }

    @Test
    void aShellScriptRunsAsTheProgramWithStdinFromDevNull() throws Exception {
        Path sh = script("run.sh", """
                #!/bin/sh
                # read returns at once with EOF when stdin is /dev/null; a pipe would hang here.
                if read line; then echo '{"value": -1}'; else echo '{"value": 1}'; fi
                """);
        JobResult r = run(List.of(sh.toString()), Map.of(), "value", Duration.ofSeconds(60));
        assertThat(((JobResult.Succeeded) r).metrics()).containsEntry("value", 1.0);
    }
}
