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
    void aJsonArrayOrScalarIsNotAMetricLine() throws Exception {
        Path out = tmp.resolve("stdout.log");
        Files.writeString(out, "[1, 2]\n42\n{broken\n");
        assertThat(MetricLine.lastObject(out)).isEmpty();
    }
}
