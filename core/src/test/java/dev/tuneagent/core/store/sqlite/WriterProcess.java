package dev.tuneagent.core.store.sqlite;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialOutcome;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * A separate JVM for the multi-process tests: {@code FILE STUDY COUNT FINISH} starts COUNT trials
 * (finishing each one when FINISH is true) and prints {@code started N} after each start.
 */
public final class WriterProcess {
    private WriterProcess() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        String study = args[1];
        int count = Integer.parseInt(args[2]);
        boolean finish = Boolean.parseBoolean(args[3]);
        try (var store = new SqliteStudyStore(file)) {
            for (int i = 0; i < count; i++) {
                Trial t = store.startTrial(study, new Proposal(Map.of("x", (i + 0.5) / count),
                        Provenance.of("writer", ProcessHandle.current().pid())), Instant.EPOCH);
                System.out.println("started " + t.number());
                System.out.flush();
                if (finish) {
                    store.finishTrial(study, t.number(), TrialOutcome.complete(i, Map.of()), Instant.EPOCH);
                }
            }
        }
    }
}
