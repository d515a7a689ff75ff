package dev.tuneagent.tools.slurm;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A job's state as Slurm reports it. Parsed with anchored regexes from {@code scontrol show job -o ID} (never
 * by splitting on spaces: values such as the job name may contain them) or from
 * {@code sacct -n -P -X -o State,ExitCode}.
 *
 * @param exitCode the job script's exit code ({@code ExitCode=3:0} gives 3)
 * @param signal   the signal that ended it ({@code 0:15} gives 15), 0 when none
 * @param runTime  how long it ran, when reported
 */
public record SlurmStatus(String state, int exitCode, int signal, Duration runTime) {
    /** The states a job never leaves. COMPLETING is not one of them: its processes may still be writing. */
    public static final Set<String> TERMINAL = Set.of("COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "OUT_OF_MEMORY",
            "NODE_FAIL", "PREEMPTED", "BOOT_FAIL", "DEADLINE");

    private static final Pattern STATE = Pattern.compile("\\bJobState=(\\S+)");
    private static final Pattern EXIT = Pattern.compile("\\bExitCode=(\\d+):(\\d+)");
    private static final Pattern RUN_TIME = Pattern.compile("\\bRunTime=(?:(\\d+)-)?(\\d+):(\\d+):(\\d+)");
    private static final Pattern SACCT = Pattern.compile("^([A-Z_]+)[^|\\n]*\\|(\\d+):(\\d+)", Pattern.MULTILINE);

    public boolean terminal() {
        return TERMINAL.contains(state);
    }

    /** From one line of {@code scontrol show job -o}; empty when it holds no JobState. */
    public static Optional<SlurmStatus> fromScontrol(String text) {
        Matcher s = STATE.matcher(text);
        if (!s.find()) {
            return Optional.empty();
        }
        Matcher e = EXIT.matcher(text);
        boolean hasExit = e.find();
        Matcher r = RUN_TIME.matcher(text);
        Duration run = null;
        if (r.find()) {
            long days = r.group(1) == null ? 0 : Long.parseLong(r.group(1));
            run = Duration.ofDays(days).plusHours(Long.parseLong(r.group(2))).plusMinutes(Long.parseLong(r.group(3)))
                    .plusSeconds(Long.parseLong(r.group(4)));
        }
        return Optional.of(new SlurmStatus(s.group(1), hasExit ? Integer.parseInt(e.group(1)) : 0,
                hasExit ? Integer.parseInt(e.group(2)) : 0, run));
    }

    /** From {@code sacct -n -P -X -o State,ExitCode} ({@code CANCELLED by 0|0:15}); empty when nothing matched. */
    public static Optional<SlurmStatus> fromSacct(String text) {
        Matcher m = SACCT.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new SlurmStatus(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                null));
    }
}
