package dev.tuneagent.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real separate processes on one file: what two `tune` commands or a `kill -9` do to the store. */
class SqliteMultiProcessTest {
    static final SearchSpace SPACE = SearchSpace.of(new FloatParam("x", 0, 1, false));

    @TempDir
    Path dir;

    private Path createStudy() {
        Path file = dir.resolve("tune.db");
        try (var store = new SqliteStudyStore(file)) {
            store.createStudy(new StudyDefinition("s", SPACE, Direction.MINIMIZE, "loss", 1, 100, "{}", Instant.EPOCH));
        }
        return file;
    }

    private static Process writer(Path file, int count, boolean finish) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), WriterProcess.class.getName(),
                file.toString(), "s", String.valueOf(count), String.valueOf(finish))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    @Test
    void twoProcessesWritingTheSameFileNeverShareATrialNumber() throws Exception {
        Path file = createStudy();
        Process a = writer(file, 30, true);
        Process b = writer(file, 30, true);
        assertThat(a.waitFor(2, TimeUnit.MINUTES) && b.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(a.exitValue()).isZero();
        assertThat(b.exitValue()).isZero();
        try (var store = new SqliteStudyStore(file)) {
            List<Trial> trials = store.trials("s");
            assertThat(trials).extracting(Trial::number).containsExactlyElementsOf(IntStream.range(0, 60).boxed().toList());
            assertThat(trials).allMatch(Trial::isComplete);
            assertThat(trials).extracting(t -> t.provenance().seed()).containsOnly(a.pid(), b.pid());
        }
    }

    @Test
    void aWriterKilledWithSigkillLeavesEveryStartedTrialAndAUsableFile() throws Exception {
        Path file = createStudy();
        Process p = writer(file, 100_000, false);
        List<Integer> reported = new ArrayList<>();
        try (var out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            while (reported.size() < 40) {
                reported.add(Integer.parseInt(out.readLine().substring("started ".length())));
            }
            p.destroyForcibly(); // SIGKILL, possibly in the middle of the next transaction
            assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        }
        try (var store = new SqliteStudyStore(file)) {
            List<Trial> trials = store.trials("s");
            assertThat(trials.size()).isGreaterThanOrEqualTo(40);
            assertThat(trials).extracting(Trial::number)
                    .containsExactlyElementsOf(IntStream.range(0, trials.size()).boxed().toList());
            assertThat(trials).allMatch(t -> t.state() == TrialState.RUNNING);
            assertThat(store.failPendingTrials("s", "interrupted", Instant.EPOCH)).isEqualTo(trials.size());
            assertThat(store.snapshot("s").pending()).isEmpty();
        }
    }
}
