package dev.tuneagent.shell;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.core.annotation.Order;
import org.springframework.shell.Input;
import org.springframework.shell.InputProvider;
import org.springframework.shell.Shell;
import org.springframework.shell.ShellRunner;
import org.springframework.shell.command.CommandCatalog;
import org.springframework.shell.command.CommandParser;
import org.springframework.shell.command.CommandRegistration;
import org.springframework.shell.command.parser.ParserConfig;
import org.springframework.shell.context.InteractionMode;
import org.springframework.shell.context.ShellContext;
import org.springframework.shell.jline.NonInteractiveShellRunner;
import org.springframework.stereotype.Component;

/**
 * Runs the command given on the command line. Unlike Spring Shell's own non-interactive runner, which
 * joins the arguments into one line and parses it again, this one hands the arguments over as words
 * verbatim, so quotes, spaces and backslashes inside an argument arrive unchanged. It also checks the
 * command line first, so a typo gives one line on stderr and exit code 2 instead of Spring Shell's output.
 */
@Component
@Order(NonInteractiveShellRunner.PRECEDENCE - 1)
class ArgsShellRunner implements ShellRunner {
    private final Shell shell;
    private final ShellContext context;
    private final ExitStatus status;
    private final CommandCatalog catalog;
    private final Console console;

    ArgsShellRunner(Shell shell, ShellContext context, ExitStatus status, CommandCatalog catalog, Console console) {
        this.shell = shell;
        this.context = context;
        this.status = status;
        this.catalog = catalog;
        this.console = console;
    }

    @Override
    public boolean run(String[] args) throws Exception {
        if (args.length == 0) {
            return false;
        }
        if (args[0].equals("--help") || args[0].equals("-h")) {
            args = new String[] {"help"};
        }
        List<String> words = List.of(args);
        String problem = check(args);
        if (problem != null) {
            console.err().println("tune: " + problem);
            status.set(ExitCodes.USAGE);
            return true;
        }
        context.setInteractionMode(InteractionMode.NONINTERACTIVE);
        InputProvider once = new InputProvider() {
            private boolean given;

            @Override
            public Input readInput() {
                if (given) {
                    return null;
                }
                given = true;
                return new Input() {
                    @Override
                    public String rawText() {
                        return String.join(" ", words);
                    }

                    @Override
                    public List<String> words() {
                        return words;
                    }
                };
            }
        };
        try {
            shell.run(once);
        } catch (Exception e) {
            if (status.code() == ExitCodes.OK) {
                status.set(Errors.report(e, console.err()));
            }
        }
        return true;
    }

    /** Null when the command line can run; else what is wrong with it. */
    private String check(String[] args) {
        Map<String, CommandRegistration> commands = catalog.getRegistrations();
        if (!commands.containsKey(args[0])) {
            return "unknown command \"" + args[0] + "\"; commands: " + String.join(", ", new TreeSet<>(commands.keySet()))
                    + " (`tune help COMMAND` explains one)";
        }
        // Spring Shell's help throws IllegalArgumentException for an unknown topic: a usage error, not a bug.
        if (args[0].equals("help") && args.length > 1 && !args[1].startsWith("-") && !commands.containsKey(args[1])) {
            return "help: no command \"" + args[1] + "\"; commands: " + String.join(", ", new TreeSet<>(commands.keySet()));
        }
        var results = CommandParser.of(new DefaultConversionService(), commands, new ParserConfig()).parse(args);
        if (!results.errors().isEmpty()) {
            return args[0] + ": " + results.errors().get(0).getMessage() + " (`tune help " + args[0] + "` lists the options)";
        }
        return null;
    }
}
