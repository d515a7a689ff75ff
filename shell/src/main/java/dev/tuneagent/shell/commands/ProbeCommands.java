package dev.tuneagent.shell.commands;

import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.shell.Console;
import org.springframework.shell.standard.ShellComponent;
import org.springframework.shell.standard.ShellMethod;
import org.springframework.shell.standard.ShellOption;

@ShellComponent
public class ProbeCommands {
    private final Console console;

    public ProbeCommands(Console console) {
        this.console = console;
    }

    @ShellMethod(key = "probe", value = "probe")
    public void probe(@ShellOption(help = "task") String task, @ShellOption(defaultValue = ShellOption.NULL) String storage,
                      @ShellOption(defaultValue = ShellOption.NULL) Integer trials) {
        if (task.equals("bad")) {
            throw new ConfigException("space.x", "bad thing");
        }
        console.out().println("task=[" + task + "] storage=[" + storage + "] trials=" + trials);
    }
}
