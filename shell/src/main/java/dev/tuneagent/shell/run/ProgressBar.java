package dev.tuneagent.shell.run;

import dev.tuneagent.agent.loop.OptimizerListener;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The live progress line on a terminal, redrawn in place with {@code \r}:
 * {@code [#####.....] trial 8/20  best 0.9832 (#5)  1m05s, ~2m10s left  gp  1.2k tokens}.
 * It never wraps (it is cut to the terminal's current width), is written only when its text changes, and
 * a ticker updates the clock once a second while a trial runs. Failed trials and new bests also get the
 * plain progress line above the bar, so the screen keeps a record of what happened.
 */
public final class ProgressBar implements OptimizerListener, AutoCloseable {
    private final PrintStream out;
    private final String metric;
    private final TerminalInfo terminal;
    private final Clock clock;
    private final Instant start;
    private final ProgressLine.State state = new ProgressLine.State();
    private ScheduledExecutorService ticker;
    private String shown = "";

    public ProgressBar(PrintStream out, String metric, TerminalInfo terminal, Clock clock) {
        this.out = out;
        this.metric = metric;
        this.terminal = terminal;
        this.clock = clock;
        this.start = clock.instant();
    }

    /** Shows the study as the run begins (a resumed study starts where it stopped). */
    public synchronized ProgressBar begin(StudySnapshot s) {
        state.begin(s);
        redraw();
        return this;
    }

    /** Starts the once-a-second redraw (tests leave it off and drive the clock themselves). */
    public synchronized ProgressBar startTicker() {
        if (ticker == null) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "tune-progress");
                t.setDaemon(true); // never keeps the JVM alive after Ctrl-C
                return t;
            });
            ticker.scheduleAtFixedRate(this::redraw, 1, 1, TimeUnit.SECONDS);
        }
        return this;
    }

    @Override
    public synchronized void recovered(List<Trial> interrupted) {
        state.recovered(interrupted.size());
        above(ProgressPrinter.recoveredMessage(interrupted));
        redraw();
    }

    @Override
    public synchronized void notice(String message) {
        above(message);
        redraw();
    }

    @Override
    public synchronized void trialStarted(Trial trial, int budget) {
        state.budget = budget;
        state.running.add(trial.number());
        Provenance p = trial.provenance();
        if (p != null) {
            state.proposer = p.proposer() + (p.fallback() == null ? "" : "*");
        }
        redraw();
    }

    @Override
    public synchronized void trialFinished(Trial t, StudySnapshot after) {
        boolean newBest = t.isComplete() && after.best().map(b -> b.number() == t.number()).orElse(false);
        state.update(after, t);
        if (!t.isComplete() || newBest) {
            above(ProgressPrinter.line(t, after, metric));
        }
        redraw();
    }

    @Override
    public synchronized void warning(String message) {
        above("tune: warning: " + message);
        redraw();
    }

    /** Redraws the bar if its text changed (called by events and by the ticker). */
    public synchronized void redraw() {
        draw(ProgressLine.render(state, Duration.between(start, clock.instant()), terminal.width()));
    }

    /** Leaves the last bar on screen and moves to a fresh line, so what follows starts at column 0. */
    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        if (!shown.isEmpty()) {
            try {
                redraw();
            } catch (RuntimeException e) {
                // the last drawn bar stays; the summary or the Ctrl-C hint matters more
            }
            out.print('\n');
            out.flush();
            shown = "";
        }
    }

    private void above(String line) {
        clear();
        out.print(line + "\n");
        out.flush();
        shown = "";
    }

    private void draw(String text) {
        if (text.equals(shown)) {
            return;
        }
        // Pad over the previous text instead of an erase escape: works on every terminal that knows \r.
        String pad = " ".repeat(Math.max(0, shown.length() - text.length()));
        out.print("\r" + text + pad);
        if (!pad.isEmpty()) {
            out.print("\r" + text);
        }
        out.flush();
        shown = text;
    }

    private void clear() {
        if (!shown.isEmpty()) {
            out.print("\r" + " ".repeat(shown.length()) + "\r");
        }
    }
}
