package dev.tuneagent.shell;

import org.springframework.stereotype.Component;

/** The exit code the current command chose; read by {@link TuneApplication#run} when the command is done. */
@Component
public class ExitStatus {
    private volatile int code = ExitCodes.OK;

    public int code() {
        return code;
    }

    public void set(int code) {
        this.code = code;
    }
}
