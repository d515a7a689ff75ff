package dev.tuneagent.shell.plot;

import dev.tuneagent.core.analysis.ParamImportance;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.shell.format.Values;
import java.util.List;
import java.util.Locale;

/**
 * The {@code plot --terminal} chart: one column per trial (or per group of trials when there are more
 * trials than columns), {@code o} a trial's value, {@code *} the best so far, {@code x} a failed trial on
 * the axis; then the importance bars. Plain ASCII so it survives any terminal, log file or e-mail.
 */
public final class TextChart {
    static final int HEIGHT = 12;
    private static final int BAR = 30;

    private TextChart() {
    }

    /** @param width the characters available per line (the chart fills it, within reason) */
    public static String render(StudySnapshot s, List<ParamImportance.Score> importance, int width) {
        History h = History.of(s);
        String top = Values.number(h.max());
        String bottom = Values.number(h.min());
        int label = Math.max(top.length(), bottom.length());
        int avail = Math.max(10, width - label - 3);
        // Few trials: each gets up to 4 columns so the chart is readable; many: several trials share a column.
        int step = Math.max(1, Math.min(4, avail / Math.max(h.trials(), 1)));
        int cols = Math.max(10, Math.min(Math.max(h.trials(), 1) * step, avail));
        char[][] grid = new char[HEIGHT][cols];
        for (char[] row : grid) {
            java.util.Arrays.fill(row, ' ');
        }
        for (int i = 0; i < h.values().size(); i++) {
            put(grid, col(h.completeX().get(i), h.trials(), cols), row(h.values().get(i), h), 'o');
        }
        for (int i = 0; i < h.bestSoFar().size(); i++) {
            int c = col(h.completeX().get(i), h.trials(), cols);
            int next = i + 1 < h.bestSoFar().size() ? col(h.completeX().get(i + 1), h.trials(), cols) : cols;
            for (int k = c; k < Math.max(c + 1, next); k++) { // the best so far holds until the next COMPLETE trial
                put(grid, k, row(h.bestSoFar().get(i), h), '*');
            }
        }
        char[] axis = new char[cols];
        java.util.Arrays.fill(axis, '-');
        h.failedX().forEach(n -> axis[col(n, h.trials(), cols)] = 'x');

        StringBuilder sb = new StringBuilder();
        sb.append(s.study().name()).append(": ").append(s.study().direction().lower()).append(' ')
                .append(s.study().metric()).append(", ").append(h.trials()).append(" trials (")
                .append(h.values().size()).append(" complete, ").append(h.failedX().size()).append(" failed)\n");
        for (int r = 0; r < HEIGHT; r++) {
            String l = r == 0 ? top : r == HEIGHT - 1 ? bottom : "";
            sb.append(pad(l, label)).append(" |").append(new String(grid[r]).stripTrailing()).append('\n');
        }
        sb.append(" ".repeat(label)).append(" +").append(axis).append('\n');
        sb.append(" ".repeat(label + 2)).append(ticks(h.trials(), cols)).append('\n');
        sb.append("  * best so far   o a trial   x a failed trial\n");
        sb.append(importance(importance, s.completed().size()));
        return sb.toString();
    }

    static String importance(List<ParamImportance.Score> scores, int complete) {
        if (scores.isEmpty()) {
            return "Importance: needs at least " + ParamImportance.MIN_TRIALS + " complete trials (have " + complete + ")\n";
        }
        StringBuilder sb = new StringBuilder("Importance (share of rank variance explained alone):\n");
        int w = scores.stream().mapToInt(x -> x.param().length()).max().orElse(0);
        for (ParamImportance.Score x : scores) {
            int n = (int) Math.round(x.share() * BAR);
            sb.append("  ").append(pad2(x.param(), w)).append(' ').append("#".repeat(n)).append(" ".repeat(BAR - n))
                    .append(String.format(Locale.ROOT, " %.2f", x.share())).append('\n');
        }
        return sb.toString();
    }

    /** "0" under the first column and the last trial's number ending under its column. */
    static String ticks(int trials, int cols) {
        String last = String.valueOf(Math.max(0, trials - 1));
        int end = trials <= 1 ? 0 : col(trials - 1, trials, cols);
        int gap = end - last.length();
        return gap < 1 ? "0" + (trials > 1 ? " " + last : "") : "0" + " ".repeat(gap) + last;
    }

    private static int col(int number, int trials, int cols) {
        return (int) ((long) number * cols / Math.max(trials, 1));
    }

    /** Row 0 is the top (the largest value). */
    private static int row(double v, History h) {
        if (h.max() == h.min()) {
            return HEIGHT / 2;
        }
        return (int) Math.round((h.max() - v) / (h.max() - h.min()) * (HEIGHT - 1));
    }

    private static void put(char[][] grid, int c, int r, char ch) {
        grid[r][c] = ch;
    }

    private static String pad(String s, int w) {
        return " ".repeat(w - s.length()) + s;
    }

    private static String pad2(String s, int w) {
        return s + " ".repeat(w - s.length());
    }
}
