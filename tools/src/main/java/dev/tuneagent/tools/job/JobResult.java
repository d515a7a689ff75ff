package dev.tuneagent.tools.job;

import java.time.Duration;
import java.util.Map;

/** How a job ended. */
public sealed interface JobResult {

    /** The job ran and reported metrics (the objective among them). */
    record Succeeded(Map<String, Double> metrics, Duration elapsed) implements JobResult {
        public Succeeded {
            metrics = Map.copyOf(metrics);
        }
    }

    /** The job ran and failed: non-zero exit, missing metric, a training error. */
    record Failed(String reason, String logTail) implements JobResult {
    }

    /** The job exceeded its time limit and was killed. */
    record TimedOut(Duration limit, String logTail) implements JobResult {
    }

    /**
     * The job was stopped early because its {@link Reporter} said so at {@code step}, where it had reached
     * {@code value} (the caller that pruned it knows why).
     */
    record Pruned(int step, double value, Duration elapsed) implements JobResult {
    }

    /** The job was stopped on request (Ctrl-C, scancel). */
    record Cancelled(String reason) implements JobResult {
    }
}
