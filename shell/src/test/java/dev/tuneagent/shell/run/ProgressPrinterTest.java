package dev.tuneagent.shell.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.shell.fixtures.StudyFixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The one-line-per-trial output for pipes and files: scripts parse it, so its bytes are pinned here. */
class ProgressPrinterTest {
    @Test
    void eachFinishedTrialPrintsTheDocumentedLine() {
        var s = StudyFixtures.snapshot("s", 0.91, null, 0.95);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressPrinter p = new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), "accuracy");
        s.trials().forEach(t -> p.trialFinished(t, s));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("""
                [3/3] #0 COMPLETE accuracy=0.91  best=0.95 (#2)  trees=10 lr=0.01 criterion=gini  1.5s  gp
                [3/3] #1 FAILED   exit code 1, said "no"  trees=30 lr=0.02 criterion=entropy  1.5s  gp
                [3/3] #2 COMPLETE accuracy=0.95  best=0.95 (#2)  trees=50 lr=0.03 criterion=gini  1.5s  gp
                """);
    }
}
