package dev.tuneagent.tools.command;

import dev.tuneagent.core.store.Owner;
import dev.tuneagent.core.study.Trial;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Ends the command jobs that trials given up on left behind. When {@code tune} is killed, its command job keeps
 * running (it is a separate process); a run that takes the trial over (it was found RUNNING, or its owner's lease
 * went stale) would otherwise start the same configuration again beside it. Each such trial's {@value
 * JobProcess#ATTR} record is checked: a process on this host that is still the same one (pid and start instant
 * match) is ended with its descendants (SIGTERM, a grace, then SIGKILL); one on another host cannot be reached from
 * here and is reported with its host and pid. Only the stored numbers are used; nothing of it reaches a shell.
 */
public final class OrphanJobs {
    private static final System.Logger LOG = System.getLogger("dev.tuneagent.tools.command");
    /** Between SIGTERM and SIGKILL, as when a job is cancelled. */
    public static final Duration GRACE = CommandJobLauncher.KILL_GRACE;
    /**
     * How far two readings of one process's start instant may differ and still name the same process: the JDK
     * derives it from the boot time in /proc/stat, which some kernels report a second apart between reads. A pid
     * reused within two seconds of the recorded start would be needed to fool this, which practice never shows.
     */
    static final Duration SAME_START = Duration.ofSeconds(2);

    private final String host;
    private final Duration grace;
    private final Consumer<String> notes;

    /**
     * @param host  this machine's name, as {@link Owner} writes it (compared with the recorded host)
     * @param notes receives one sentence per trial whose record was there: what was done and why (for the console)
     */
    public OrphanJobs(String host, Duration grace, Consumer<String> notes) {
        this.host = host;
        this.grace = grace;
        this.notes = notes;
    }

    /** For this machine, with the usual grace. */
    public static OrphanJobs onThisHost(Consumer<String> notes) {
        return new OrphanJobs(Owner.forThisProcess().host(), GRACE, notes);
    }

    /** Ends the jobs of every given trial (each must have been given up on); returns how many processes it ended. */
    public int endAll(List<Trial> abandoned) {
        int ended = 0;
        for (Trial t : abandoned) {
            if (end(t)) {
                ended++;
            }
        }
        return ended;
    }

    /** Ends the job {@code trial} left behind, if its record says it runs here and is still alive; true if it did. */
    public boolean end(Trial trial) {
        Object attr = trial.attrs().get(JobProcess.ATTR);
        if (attr == null) {
            return false; // not a command job, or tune died before the process started
        }
        String who = "Trial #" + trial.number() + ": ";
        JobProcess.Parsed parsed = JobProcess.parse(attr);
        if (parsed.value().isEmpty()) {
            note(who + "warning: its stored " + JobProcess.ATTR + " record is not usable (" + parsed.problem()
                    + "); a job it left running, if any, was not ended");
            return false;
        }
        JobProcess p = parsed.process();
        if (!p.host().equals(host)) {
            note(who + "warning: its job (pid " + p.pid() + ") ran on host " + p.host() + ", not on this host ("
                    + host + "); it cannot be ended from here: end it on " + p.host() + " if it still runs");
            return false;
        }
        Optional<ProcessHandle> live = ProcessHandle.of(p.pid()).filter(ProcessHandle::isAlive);
        if (live.isEmpty()) {
            return false; // the job ended with its owner, or since
        }
        if (live.get().pid() == ProcessHandle.current().pid()) {
            return false; // a record that names this very process is not a job of ours
        }
        Optional<Instant> started = live.get().info().startInstant();
        if (p.start() == null || started.isEmpty()) {
            note(who + "warning: pid " + p.pid() + " is alive, but without a start instant it cannot be told from a"
                    + " reused pid; left alone: end it yourself if it is the trial's job");
            return false;
        }
        if (!sameStart(p.start(), started.get())) {
            note(who + "pid " + p.pid() + " now belongs to another process (the job ended and the pid was reused);"
                    + " left alone");
            return false;
        }
        int descendants = (int) live.get().descendants().count();
        ProcessTree.kill(live.get(), grace);
        note(who + "ended its job left running by the earlier run (pid " + p.pid()
                + (descendants > 0 ? " and " + descendants + " child process(es)" : "")
                + ") before running the configuration again");
        return true;
    }

    /** Two readings of a start instant that name the same process (see {@link #SAME_START}). */
    static boolean sameStart(Instant recorded, Instant now) {
        return Duration.between(recorded, now).abs().compareTo(SAME_START) <= 0;
    }

    private void note(String message) {
        LOG.log(message.contains("warning:") ? System.Logger.Level.WARNING : System.Logger.Level.INFO, message);
        try {
            notes.accept(message);
        } catch (RuntimeException ignored) {
            // Reporting must not stop the run from taking the trial over.
        }
    }
}
