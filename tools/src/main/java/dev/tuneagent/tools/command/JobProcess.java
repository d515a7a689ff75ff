package dev.tuneagent.tools.command;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a command job runs, stored with its trial as the attribute {@value #ATTR} ({@code {"host", "pid", "start"}})
 * and in the trial's directory as {@value #FILE}. A pid alone does not name a process (pids are reused), so the
 * process's start instant goes with it: a process is this job only if both match.
 *
 * @param start the instant the operating system says the process started; null when the platform does not tell
 *              (then the job is never ended from its record, since its identity cannot be checked)
 */
public record JobProcess(String host, long pid, Instant start) {
    public static final String ATTR = "process";
    public static final String FILE = "process.json";
    /** Longest host name accepted from a stored record (DNS names are at most 253 characters). */
    static final int MAX_HOST = 255;

    public JobProcess {
        if (host == null || host.isBlank() || host.length() > MAX_HOST) {
            throw new IllegalArgumentException("host must be a non-empty name of at most " + MAX_HOST
                    + " characters, got " + (host == null ? "null" : "\"" + shorten(host) + "\""));
        }
        if (pid <= 0) {
            throw new IllegalArgumentException("pid must be a positive number, got " + pid);
        }
    }

    /** The record of a process just started on {@code host}. */
    public static JobProcess of(ProcessHandle process, String host) {
        return new JobProcess(host, process.pid(), process.info().startInstant().orElse(null));
    }

    /** The attribute value: {@code {"host": ..., "pid": ..., "start": ISO-8601}} (no start when unknown). */
    public Map<String, Object> toAttr() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host", host);
        m.put("pid", pid);
        if (start != null) {
            m.put("start", start.toString());
        }
        return m;
    }

    /**
     * Reads a stored attribute value. Stored values are data someone else wrote: anything but a JSON object with a
     * host name, a whole positive pid and an ISO-8601 start (when present) is refused with the reason.
     */
    public static Parsed parse(Object attr) {
        if (!(attr instanceof Map<?, ?> m)) {
            return new Parsed(null, "expected an object {\"host\", \"pid\", \"start\"}, got " + describe(attr));
        }
        if (!(m.get("host") instanceof String host)) {
            return new Parsed(null, "host: expected a host name, got " + describe(m.get("host")));
        }
        Long pid = wholeNumber(m.get("pid"));
        if (pid == null || pid <= 0) {
            return new Parsed(null, "pid: expected a positive whole number, got " + describe(m.get("pid")));
        }
        Instant start = null;
        Object s = m.get("start");
        if (s != null) {
            try {
                start = Instant.parse(String.valueOf(s));
            } catch (DateTimeParseException e) {
                return new Parsed(null, "start: expected an ISO-8601 instant, got " + describe(s));
            }
        }
        try {
            return new Parsed(new JobProcess(host, pid, start), null);
        } catch (IllegalArgumentException e) {
            return new Parsed(null, e.getMessage());
        }
    }

    /** A parsed record, or why the stored value is not one. */
    public record Parsed(JobProcess process, String problem) {
        public Optional<JobProcess> value() {
            return Optional.ofNullable(process);
        }
    }

    private static Long wholeNumber(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            return ((Number) v).longValue();
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? (long) d : null;
        }
        return null;
    }

    private static String describe(Object v) {
        if (v == null) {
            return "nothing";
        }
        String text = v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
        return shorten(text);
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
