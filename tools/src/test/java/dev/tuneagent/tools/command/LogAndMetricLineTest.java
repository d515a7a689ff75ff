package dev.tuneagent.tools.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogAndMetricLineTest {
    @TempDir
    Path tmp;

    @Test
    void theTailOfABigLogIsItsLastLinesWithinTwoKilobytes() throws Exception {
        Path log = tmp.resolve("big.log");
        try (BufferedWriter w = Files.newBufferedWriter(log)) {
            for (int i = 0; i < 200_000; i++) {
                w.write("line " + i + "\n");
            }
        }
        String tail = LogTail.of(log);
        assertThat(tail.split("\n")).hasSize(LogTail.MAX_LINES).startsWith("line 199980").endsWith("line 199999");
        assertThat(tail.length()).isLessThanOrEqualTo(LogTail.MAX_BYTES);
    }

    @Test
    void aMissingLogHasAnEmptyTail() {
        assertThat(LogTail.of(tmp.resolve("none.log"))).isEmpty();
    }

    @Test
    void aLongLineIsCutToWholeLinesAtTheByteLimit() throws Exception {
        Path log = tmp.resolve("wide.log");
        Files.writeString(log, "x".repeat(5000) + "\nlast\n");
        assertThat(LogTail.of(log)).isEqualTo("last");
    }

    @Test
    void anOverlongLineIsSkippedWhenLookingForTheMetricLine() throws Exception {
        Path out = tmp.resolve("stdout.log");
        Files.writeString(out, "{\"value\": 1}\n{\"value\": \"" + "x".repeat(MetricLine.MAX_LINE_CHARS) + "\"}\nnot json\n");
        assertThat(MetricLine.lastObject(out)).hasValueSatisfying(n -> assertThat(n.get("value").asInt()).isEqualTo(1));
    }

    @Test
    void aMetricLineOverTheLimitIsReportedAsTooLongWithTheLimit() throws Exception {
        Path out = tmp.resolve("stdout.log");
        int length = MetricLine.MAX_LINE_CHARS + 10;
        String big = "{\"value\": 1, \"pad\": \"" + "x".repeat(length - 26) + "\"}";
        Files.writeString(out, "progress\n" + big + "\n");
        MetricLine.Scan scan = MetricLine.scan(out);
        assertThat(scan.last()).isEmpty();
        assertThat(scan.overlongReason()).hasValue("line 2 of stdout starts like a JSON object but is " + big.length()
                + " characters long, over the limit of " + MetricLine.MAX_LINE_CHARS
                + " for a metric line; print the metrics on a short line of their own");
        Files.writeString(out, "x".repeat(length) + "\n");
        assertThat(MetricLine.scan(out).overlongReason()).as("a long log line is not a metric line").isEmpty();
    }

    @Test
    void aJsonArrayOrScalarIsNotAMetricLine() throws Exception {
        Path out = tmp.resolve("stdout.log");
        Files.writeString(out, "[1, 2]\n42\n{broken\n");
        assertThat(MetricLine.lastObject(out)).isEmpty();
    }
}
