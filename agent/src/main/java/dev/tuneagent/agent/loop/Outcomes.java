package dev.tuneagent.agent.loop;

import dev.tuneagent.core.study.TrialOutcome;
import dev.tuneagent.tools.job.JobResult;
import java.util.TreeSet;

/** Turns a job's result into what the study stores. A failed job is data (a FAILED trial), never an exception. */
public final class Outcomes {
    static final int MAX_MESSAGE = 2000;

    private Outcomes() {
    }

    public static TrialOutcome of(JobResult result, String metric, boolean cancelledByUser) {
        if (result instanceof JobResult.Succeeded s) {
            Double value = s.metrics().get(metric);
            if (value == null) {
                return TrialOutcome.failed("the job reported no \"" + metric + "\" metric (it reported "
                        + new TreeSet<>(s.metrics().keySet()) + ")");
            }
            return TrialOutcome.complete(value, s.metrics());
        }
        if (cancelledByUser) {
            // Ctrl-C reaches the job's processes too; whatever they died of, the user stopped them.
            return TrialOutcome.failed(Interruptions.BY_USER);
        }
        if (result instanceof JobResult.Failed f) {
            return TrialOutcome.failed(withTail(f.reason(), f.logTail()));
        }
        if (result instanceof JobResult.TimedOut t) {
            return TrialOutcome.failed(withTail("timed out after " + t.limit().toString().substring(2).toLowerCase(),
                    t.logTail()));
        }
        if (result instanceof JobResult.Pruned p) {
            return TrialOutcome.pruned(p.value(), "pruned at step " + p.step());
        }
        JobResult.Cancelled c = (JobResult.Cancelled) result;
        return TrialOutcome.failed("cancelled: " + c.reason());
    }

    /** Keeps the reason and the end of the log (where the error usually is) within {@link #MAX_MESSAGE}. */
    static String withTail(String reason, String tail) {
        String head = reason.length() > MAX_MESSAGE / 4 ? reason.substring(0, MAX_MESSAGE / 4) + "..." : reason;
        if (tail == null || tail.isBlank()) {
            return head;
        }
        String end = tail.strip();
        int room = MAX_MESSAGE - head.length() - 4;
        return head + "\n" + (end.length() <= room ? end : "..." + end.substring(end.length() - room + 3));
    }
}
