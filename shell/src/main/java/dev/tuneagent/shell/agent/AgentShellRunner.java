package dev.tuneagent.shell.agent;

import dev.tuneagent.shell.Console;
import dev.tuneagent.shell.ExitCodes;
import dev.tuneagent.shell.ExitStatus;
import java.util.List;
import java.util.Map;
import org.jline.reader.LineReader;
import org.springframework.shell.jline.ExtendedDefaultParser;
import org.springframework.core.annotation.Order;
import org.springframework.shell.Input;
import org.springframework.shell.InputProvider;
import org.springframework.shell.Shell;
import org.springframework.shell.ShellRunner;
import org.springframework.shell.command.CommandCatalog;
import org.springframework.shell.command.CommandRegistration;
import org.springframework.shell.context.InteractionMode;
import org.springframework.shell.context.ShellContext;
import org.springframework.shell.jline.InteractiveShellRunner;
import org.springframework.shell.jline.NonInteractiveShellRunner;
import org.springframework.shell.jline.PromptProvider;
import org.springframework.stereotype.Component;

/**
 * {@code tune} with no arguments, or {@code tune shell [--model M] [--cassette C] [--storage S]}: Spring Shell's
 * interactive loop (JLine editing, history, completion, {@code help}) with one addition: a line whose first word is
 * not a command, or that ends in "?", goes to the agent instead of failing as an unknown command.
 */
@Component
@Order(NonInteractiveShellRunner.PRECEDENCE - 2)
class AgentShellRunner implements ShellRunner {
    private static final List<String> OPTIONS = List.of("--model", "--cassette", "--storage");
    private final Shell shell;
    private final ShellContext context;
    private final LineReader reader;
    private final PromptProvider prompt;
    private final CommandCatalog catalog;
    private final ShellSession session;
    private final Console console;
    private final ExitStatus status;

    AgentShellRunner(Shell shell, ShellContext context, LineReader reader, PromptProvider prompt, CommandCatalog catalog,
                     ShellSession session, Console console, ExitStatus status) {
        this.shell = shell;
        this.context = context;
        this.reader = reader;
        this.prompt = prompt;
        this.catalog = catalog;
        this.session = session;
        this.console = console;
        this.status = status;
    }

    @Override
    public boolean run(String[] args) throws Exception {
        if (args.length > 0 && !args[0].equals("shell")) {
            return false;
        }
        Map<String, String> opts = new java.util.HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!OPTIONS.contains(args[i]) || i + 1 >= args.length) {
                console.err().println("tune: shell: " + (OPTIONS.contains(args[i]) ? args[i] + " needs a value"
                        : "unknown option \"" + args[i] + "\"") + "; usage: tune shell [--model PROVIDER:NAME] "
                        + "[--cassette off|record:DIR|replay:DIR] [--storage URI]");
                status.set(ExitCodes.USAGE);
                return true;
            }
            opts.put(args[i], args[++i]);
        }
        // "tune it!" and "what's next?" are sentences, not history expansions or unclosed quotes.
        reader.setOpt(LineReader.Option.DISABLE_EVENT_EXPANSION);
        if (reader.getParser() instanceof ExtendedDefaultParser p) {
            p.setEofOnUnclosedQuote(false); // a lone apostrophe must not ask for a continuation line
        }
        reader.setVariable(LineReader.HISTORY_FILE, historyFile());
        reader.getHistory().attach(reader);
        context.setInteractionMode(InteractionMode.INTERACTIVE);
        LinePrompter io = new LinePrompter(reader, console);
        try {
            session.open(opts.get("--model"), opts.get("--cassette"), opts.get("--storage"), io);
        } catch (RuntimeException e) {
            console.err().println("tune: shell: " + e.getMessage());
            status.set(ExitCodes.USAGE);
            return true;
        }
        try {
            shell.run(new AgentInput(new InteractiveShellRunner.JLineInputProvider(reader, prompt)));
        } finally {
            reader.getHistory().save();
        }
        return true;
    }

    /** {@code TUNE_HISTORY} (or the system property {@code tune.history}), else ~/.tune/shell-history. */
    static java.nio.file.Path historyFile() {
        String p = System.getProperty("tune.history", System.getenv("TUNE_HISTORY"));
        return p != null ? java.nio.file.Path.of(p)
                : java.nio.file.Path.of(System.getProperty("user.home"), ".tune", "shell-history");
    }

    /** Hands commands to Spring Shell and sentences to the agent. */
    private final class AgentInput implements InputProvider {
        private final InputProvider lines;

        AgentInput(InputProvider lines) {
            this.lines = lines;
        }

        @Override
        public Input readInput() {
            while (true) {
                Input in = lines.readInput();
                if (in == null) {
                    return null;
                }
                String raw = in.rawText() == null ? "" : in.rawText().strip();
                List<String> words = in.words();
                if (raw.isEmpty() || words.isEmpty()) {
                    return in;
                }
                if (isCommand(words.get(0), raw)) {
                    return withShellStorage(in);
                }
                session.talk(raw);
            }
        }

        /** {@code tune shell --storage S}: commands typed in it use S unless they name their own. */
        private Input withShellStorage(Input in) {
            String storage = session.storageOption();
            List<String> words = in.words();
            CommandRegistration reg = catalog.getRegistrations().get(words.get(0));
            boolean takesStorage = reg != null && reg.getOptions().stream()
                    .anyMatch(o -> java.util.Arrays.asList(o.getLongNames()).contains("storage"));
            if (storage == null || !takesStorage || words.contains("--storage")) {
                return in;
            }
            List<String> more = new java.util.ArrayList<>(words);
            more.add("--storage");
            more.add(storage);
            return new Input() {
                @Override
                public String rawText() {
                    return in.rawText() + " --storage " + storage;
                }

                @Override
                public List<String> words() {
                    return more;
                }
            };
        }

        private boolean isCommand(String first, String raw) {
            return catalog.getRegistrations().containsKey(first) && !raw.endsWith("?");
        }
    }
}
