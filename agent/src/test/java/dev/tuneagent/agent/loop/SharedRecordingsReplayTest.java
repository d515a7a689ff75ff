package dev.tuneagent.agent.loop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tuneagent.agent.llm.LlmConfigFile;
import dev.tuneagent.agent.llm.LlmConfigResolver;
import dev.tuneagent.agent.llm.TransportOptions;
import dev.tuneagent.agent.proposers.LlmProposerRegistration;
import dev.tuneagent.agent.proposers.ProposerFactory;
import dev.tuneagent.agent.task.TaskLoader;
import dev.tuneagent.agent.task.ToolsJobCatalog;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.store.InMemoryStudyStore;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.task.TaskSpec;
import dev.tuneagent.tools.data.Datasets;
import dev.tuneagent.tools.inprocess.InProcessCatalog;
import dev.tuneagent.tools.job.JobLauncher;
import dev.tuneagent.tools.job.JobRequest;
import dev.tuneagent.tools.job.JobResult;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real-model recordings (see {@code recordings/2026-12-02/README.md}) replay trial for trial through the whole
 * loop, whatever the environment says about base URLs: the reply format comes from the recording (defect 1 of
 * issue 7: without {@code OPENAI_BASE_URL} the requests used to switch to JSON, miss, and fall back to the GP).
 * Each configuration is answered with its recorded RMSE, so no model is trained; every model request must match.
 */
class SharedRecordingsReplayTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T00:00:00Z"), ZoneOffset.UTC);

    record Recorded(int number, Map<String, Object> params, double value) {
    }

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0} with OPENAI_BASE_URL={3}")
    @CsvSource({"svm-llambo-1, svm.yaml, llambo, ''", "svm-llambo-1, svm.yaml, llambo, http://127.0.0.1:9/v1",
            "xgb-hybrid-0, xgb.yaml, hybrid, ''", "xgb-hybrid-0, xgb.yaml, hybrid, http://127.0.0.1:9/v1"})
    void aRecordedStudyReplaysTrialForTrialWithOrWithoutABaseUrl(String folder, String taskFile, String proposer,
                                                                String baseUrl) throws Exception {
        Path root = Path.of(getClass().getResource("/recordings/2026-12-02").toURI());
        int seed = Integer.parseInt(folder.substring(folder.lastIndexOf('-') + 1));
        Map<String, String> env = baseUrl.isEmpty() ? Map.of() : Map.of("OPENAI_BASE_URL", baseUrl);
        ProposerFactory factory = LlmProposerRegistration.register(ProposerFactory.classical(),
                new LlmConfigResolver(env, LlmConfigFile.none()), TransportOptions.defaults());
        TaskLoader loader = new TaskLoader(factory, new ToolsJobCatalog(new InProcessCatalog(new Datasets())));
        TaskSpec task = LlmProposerRegistration.withCli(loader.override(loader.load(root.resolve(taskFile)), "r", null,
                proposer, (long) seed), "openai:bridge", "replay:" + root.resolve(folder));
        List<Recorded> recorded = recorded(root.resolve("trials/" + folder + ".tsv"));

        InMemoryStudyStore store = new InMemoryStudyStore();
        store.createStudy(new StudyDefinition(task.name(), task.space(), task.direction(), task.metric(), task.seed(),
                task.trials(), "{}", CLOCK.instant()));
        RunOutcome out = new Optimizer(store, recordedObjective(task.space(), recorded), CLOCK, null)
                .run(new StudyRun(task.name(), task.job(), factory.create(proposer, task), work));

        assertThat(out.finished()).isTrue();
        List<Trial> trials = store.trials("r");
        assertThat(trials).hasSize(recorded.size());
        for (int i = 0; i < trials.size(); i++) {
            Trial t = trials.get(i);
            assertThat(task.space().sameConfig(t.params(), recorded.get(i).params())).as("trial %d: %s", i, t.params())
                    .isTrue();
            assertThat(t.value()).isEqualTo(recorded.get(i).value());
            assertThat(t.provenance().proposer()).isEqualTo(proposer);
            assertThat(t.provenance().fallback()).as("trial %d", i).isNull();
        }
    }

    static List<Recorded> recorded(Path tsv) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Recorded> out = new ArrayList<>();
        for (String line : Files.readAllLines(tsv)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            out.add(new Recorded(Integer.parseInt(f[0]), json.readValue(f[1], new TypeReference<>() { }),
                    Double.parseDouble(f[2])));
        }
        return out;
    }

    /** The recorded RMSE of a recorded configuration; any other configuration fails its trial. */
    static JobLauncher recordedObjective(SearchSpace space, List<Recorded> recorded) {
        return (JobRequest r) -> CompletableFuture.completedFuture(recorded.stream()
                .filter(x -> space.sameConfig(x.params(), r.params())).findFirst()
                .<JobResult>map(x -> new JobResult.Succeeded(Map.of("rmse", x.value()), Duration.ZERO))
                .orElseGet(() -> new JobResult.Failed("not a recorded configuration: " + r.params(), "")));
    }
}
