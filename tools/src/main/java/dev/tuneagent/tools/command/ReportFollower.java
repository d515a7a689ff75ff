package dev.tuneagent.tools.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tuneagent.tools.job.Reporter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a running program's stdout file as it grows and hands its intermediate reports to a
 * {@link Reporter}: a line that is a JSON object with an integer {@code step} key and the metric key, e.g.
 * {@code {"step": 3, "value": 0.41}}. Bad reports (a step that does not increase, a value that is missing,
 * not a number or not finite, a report after the final metric line) are skipped and described in
 * {@link #problems()}, never fatal: the trial's final metric decides its outcome.
 */
final class ReportFollower {
    static final int MAX_PROBLEMS = 5;
    private final Path stdout;
    private final String key;
    private final Reporter reporter;
    private final StringBuilder partial = new StringBuilder();
    private final List<String> problems = new ArrayList<>();
    private long offset;
    private int lastStep = -1;
    private double lastValue = Double.NaN;
    private boolean sawFinal;
    private boolean stop;

    ReportFollower(Path stdout, String key, Reporter reporter) {
        this.stdout = stdout;
        this.key = key;
        this.reporter = reporter;
    }

    /** Reads what was appended since the last call; true once the reporter asked the job to stop. */
    synchronized boolean poll() {
        if (stop || !Files.exists(stdout)) {
            return stop;
        }
        try (RandomAccessFile f = new RandomAccessFile(stdout.toFile(), "r")) {
            long size = f.length();
            if (size <= offset) {
                return false;
            }
            byte[] buf = new byte[(int) Math.min(size - offset, 1 << 20)];
            f.seek(offset);
            f.readFully(buf);
            offset += buf.length;
            // a UTF-8 sequence cut at the end of buf only matters inside a line we would skip anyway
            partial.append(new String(buf, StandardCharsets.UTF_8));
        } catch (IOException e) {
            problem("could not read " + stdout + ": " + e.getMessage());
            return false;
        }
        int nl;
        while (!stop && (nl = partial.indexOf("\n")) >= 0) {
            String line = partial.substring(0, nl);
            partial.delete(0, nl + 1);
            if (line.length() <= MetricLine.MAX_LINE_CHARS) {
                line(line);
            }
        }
        if (partial.length() > MetricLine.MAX_LINE_CHARS) {
            partial.setLength(0);
        }
        return stop;
    }

    private void line(String text) {
        JsonNode o = MetricLine.parseObject(text);
        if (o == null) {
            return;
        }
        if (!o.has("step")) {
            sawFinal = true;
            return;
        }
        JsonNode s = o.get("step");
        JsonNode v = o.get(key);
        if (!s.canConvertToInt() || !s.isIntegralNumber() || s.asInt() < 0) {
            problem("intermediate report " + text.strip() + ": \"step\" must be a non-negative integer");
        } else if (s.asInt() <= lastStep) {
            problem("intermediate report at step " + s.asInt() + " after step " + lastStep + ": steps must increase");
        } else if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
            problem("intermediate report at step " + s.asInt() + ": \"" + key + "\" is "
                    + (v == null ? "missing" : v.toString()) + ", expected a finite number");
        } else if (sawFinal) {
            problem("intermediate report at step " + s.asInt() + " after the final metric line: ignored");
        } else {
            lastStep = s.asInt();
            lastValue = v.asDouble();
            try {
                stop = reporter.report(lastStep, lastValue);
            } catch (RuntimeException e) {
                // A listener's failure must not stop reading the job (or leave its result unreported).
                problem("intermediate report at step " + lastStep + " was not handled: " + e.getMessage());
            }
        }
    }

    private void problem(String p) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(p);
        }
    }

    synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    synchronized int lastStep() {
        return lastStep;
    }

    synchronized double lastValue() {
        return lastValue;
    }
}
