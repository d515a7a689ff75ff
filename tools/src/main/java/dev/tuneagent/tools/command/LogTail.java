package dev.tuneagent.tools.command;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The end of a log file, read without loading the whole file (a job may print gigabytes). */
public final class LogTail {
    public static final int MAX_BYTES = 2048;
    public static final int MAX_LINES = 20;

    private LogTail() {
    }

    /** At most the last {@value #MAX_LINES} lines and {@value #MAX_BYTES} bytes; empty when the file is missing. */
    public static String of(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return "";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int n = (int) Math.min(length, MAX_BYTES);
            byte[] bytes = new byte[n];
            raf.seek(length - n);
            raf.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (n < length) {
                // The first line is probably cut in the middle: drop it unless it is all we have.
                int nl = text.indexOf('\n');
                if (nl >= 0 && nl < text.length() - 1) {
                    text = text.substring(nl + 1);
                }
            }
            return lastLines(text.stripTrailing(), MAX_LINES);
        } catch (IOException e) {
            return "(could not read " + file.getFileName() + ": " + e.getMessage() + ")";
        }
    }

    static String lastLines(String text, int max) {
        String[] lines = text.split("\n", -1);
        if (lines.length <= max) {
            return text;
        }
        return String.join("\n", java.util.Arrays.copyOfRange(lines, lines.length - max, lines.length));
    }
}
