package dev.tuneagent.shell;

import org.springframework.shell.command.CommandExceptionResolver;
import org.springframework.shell.command.CommandHandlingResult;
import org.springframework.stereotype.Component;

/** A command failed: print one line to stderr (no stack trace for user errors) and keep the exit code. */
@Component
class UserErrorResolver implements CommandExceptionResolver {
    private final Console console;
    private final ExitStatus status;

    UserErrorResolver(Console console, ExitStatus status) {
        this.console = console;
        this.status = status;
    }

    @Override
    public CommandHandlingResult resolve(Exception e) {
        status.set(Errors.report(e, console.err()));
        return CommandHandlingResult.of("");
    }
}
