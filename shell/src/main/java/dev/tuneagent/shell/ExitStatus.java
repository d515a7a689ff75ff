package dev.tuneagent.shell;

/**
 * The exit code the current command chose; read by {@link TuneApplication#run} when the command is done.
 * Made by {@code run} (one per run, registered as a bean) so it is readable even after Ctrl-C closed the context.
 */
public class ExitStatus {
    private volatile int code = ExitCodes.OK;

    public int code() {
        return code;
    }

    public void set(int code) {
        this.code = code;
    }
}
