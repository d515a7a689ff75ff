package dev.tuneagent.shell;

/** The process exit codes of {@code tune} (documented in docs/cli.md). */
public final class ExitCodes {
    public static final int OK = 0;
    /** A bug: an unexpected exception (details in the log file). */
    public static final int INTERNAL = 1;
    /** Bad command line or bad input file (task file, CSV, option value). */
    public static final int USAGE = 2;
    /** The study store cannot be opened, read or written (corrupt, locked, read-only, name taken). */
    public static final int STORE = 3;
    /** The named study does not exist. */
    public static final int NOT_FOUND = 4;
    /**
     * Replaying a cassette met a request that no recording matches (the prompt, the model or a setting changed):
     * the study stopped before starting that trial and stays resumable.
     */
    public static final int REPLAY_MISMATCH = 5;
    /** {@code tune eval} finished, but some of its cells failed (their reasons are in results.jsonl and summary.md). */
    public static final int CELLS_FAILED = 6;
    /**
     * {@code run}/{@code resume} refused a study that another live process is running (its trials' heartbeats are
     * fresh); nothing was changed. Join it with {@code tune worker}, or wait until it ends.
     */
    public static final int STUDY_BUSY = 7;
    /** Stopped by Ctrl-C (SIGINT); the study is resumable. 128 + SIGINT, as shells report it. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
