package dev.tuneagent.shell.run;

import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.shell.format.Values;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The text of the progress bar: a pure function of the study's progress, the elapsed time and the width. */
final class ProgressLine {
    private static final int MIN_BAR = 10;
    private static final int MAX_BAR = 30;

    /** What the bar shows, updated by {@link ProgressBar}'s events. */
    static final class State {
        int budget = 1;
        long finished;
        /** Trials finished by this run (not an earlier one): the pace for the time estimate. */
        long finishedHere;
        private Long finishedBefore;
        /** Trials this run has running now (several with {@code budget.parallel}). */
        final java.util.Set<Integer> running = new java.util.TreeSet<>();
        Double best;
        Integer bestNumber;
        String proposer;
        long tokens;

        /** The study as the run begins: a resumed study starts where it stopped. */
        void begin(StudySnapshot s) {
            budget = s.study().budget();
            finished = s.trials().stream().filter(x -> x.state().isFinished()).count();
            finishedBefore = finished;
            s.best().ifPresent(b -> {
                best = b.value();
                bestNumber = b.number();
            });
            tokens = tokens(s);
        }

        /** Trials an earlier run left RUNNING are FAILED now: finished, but not by this run. */
        void recovered(int n) {
            finished += n;
            if (finishedBefore != null) {
                finishedBefore += n;
            }
        }

        void update(StudySnapshot after, Trial justFinished) {
            budget = after.study().budget();
            finished = after.trials().stream().filter(x -> x.state().isFinished()).count();
            if (finishedBefore == null) {
                finishedBefore = finished - 1;
            }
            finishedHere = finished - finishedBefore;
            running.remove(justFinished.number());
            after.best().ifPresent(b -> {
                best = b.value();
                bestNumber = b.number();
            });
            tokens = tokens(after);
            Provenance p = justFinished.provenance();
            if (proposer == null && p != null) {
                proposer = p.proposer();
            }
        }
    }

    private static long tokens(StudySnapshot s) {
        long n = 0;
        for (Trial x : s.trials()) {
            Provenance p = x.provenance();
            if (p != null) {
                n += p.inputTokens() + p.outputTokens();
            }
        }
        return n;
    }

    private ProgressLine() {
    }

    /** At most {@code width - 1} characters (the last column would make some terminals wrap). */
    static String render(State s, Duration elapsed, int width) {
        int max = Math.max(1, width - 1);
        String count = s.running.isEmpty() || s.finished >= s.budget ? s.finished + "/" + s.budget + " done"
                : s.running.size() == 1 ? "trial " + (s.finished + 1) + "/" + s.budget
                : s.finished + "/" + s.budget + " done, " + s.running.size() + " running";
        List<String> parts = new ArrayList<>();
        parts.add(count);
        parts.add(s.best == null ? "best -" : "best " + Values.number(s.best) + " (#" + s.bestNumber + ")");
        parts.add(time(elapsed) + ", " + left(s, elapsed));
        if (s.proposer != null) {
            parts.add(s.proposer);
        }
        parts.add(tokens(s.tokens));
        // Narrow terminal: drop the least important facts first (tokens, proposer, time), then shrink the bar.
        while (parts.size() > 2 && MIN_BAR + 3 + String.join("  ", parts).length() > max) {
            parts.remove(parts.size() - 1);
        }
        String facts = String.join("  ", parts);
        int barWidth = Math.min(MAX_BAR, max - facts.length() - 3);
        String line = barWidth >= MIN_BAR ? bar(s, barWidth) + " " + facts : facts;
        return line.length() <= max ? line : line.substring(0, max);
    }

    static String bar(State s, int width) {
        int filled = (int) Math.min(width, s.finished * width / Math.max(1, s.budget));
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }

    static String left(State s, Duration elapsed) {
        long remaining = s.budget - s.finished;
        if (remaining <= 0) {
            return "done";
        }
        if (s.finishedHere <= 0) {
            return "~? left";
        }
        return "~" + time(elapsed.multipliedBy(remaining).dividedBy(s.finishedHere)) + " left";
    }

    static String time(Duration d) {
        long sec = Math.max(0, d.getSeconds());
        if (sec < 60) {
            return sec + "s";
        }
        if (sec < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", sec / 60, sec % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", sec / 3600, sec % 3600 / 60);
    }

    static String tokens(long n) {
        if (n < 1000) {
            return n + " tokens";
        }
        if (n < 1_000_000) {
            return String.format(Locale.ROOT, "%.1fk tokens", n / 1000.0);
        }
        return String.format(Locale.ROOT, "%.1fM tokens", n / 1e6);
    }
}
