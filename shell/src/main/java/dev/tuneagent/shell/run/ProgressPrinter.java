package dev.tuneagent.shell.run;

import dev.tuneagent.agent.loop.OptimizerListener;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.shell.format.Values;
import java.io.PrintStream;
import java.util.List;

/** One line per finished trial: progress, state, value, best so far, parameters, time and proposer. */
public final class ProgressPrinter implements OptimizerListener {
    private final PrintStream out;
    private final String metric;

    public ProgressPrinter(PrintStream out, String metric) {
        this.out = out;
        this.metric = metric;
    }

    @Override
    public void recovered(List<Trial> interrupted) {
        out.println(recoveredMessage(interrupted));
        out.flush();
    }

    @Override
    public void notice(String message) {
        out.println(message);
        out.flush();
    }

    @Override
    public void trialFinished(Trial t, StudySnapshot after) {
        out.println(line(t, after, metric));
        out.flush();
    }

    @Override
    public void warning(String message) {
        out.println("tune: warning: " + message);
        out.flush();
    }

    static String recoveredMessage(List<Trial> interrupted) {
        return "Resuming: " + interrupted.size() + " trial(s) left RUNNING by an earlier run ("
                + String.join(", ", interrupted.stream().map(t -> "#" + t.number()).toList())
                + ") are now FAILED; their configurations are queued to run again.";
    }

    /** The plain progress line of a finished trial (the progress bar prints it too, for failures and new bests). */
    static String line(Trial t, StudySnapshot after, String metric) {
        int budget = after.study().budget();
        long done = after.trials().stream().filter(x -> x.state().isFinished()).count();
        String width = String.valueOf(budget);
        StringBuilder line = new StringBuilder(String.format("[%" + width.length() + "d/%d] #%-" + width.length() + "d %-8s ",
                done, budget, t.number(), t.state()));
        if (t.isComplete()) {
            line.append(metric).append('=').append(Values.number(t.value()));
            after.best().ifPresent(b -> line.append("  best=").append(Values.number(b.value())).append(" (#")
                    .append(b.number()).append(')'));
        } else {
            line.append(Values.firstLine(t.message(), 80));
        }
        line.append("  ").append(Values.params(t.params())).append("  ").append(Values.duration(t));
        Provenance p = t.provenance();
        if (p != null) {
            line.append("  ").append(p.proposer());
            if (p.fallback() != null) {
                line.append(" (").append(Values.firstLine(p.fallback(), 60)).append(')');
            }
        }
        line.append(Values.originTag(t));
        return line.toString();
    }
}
