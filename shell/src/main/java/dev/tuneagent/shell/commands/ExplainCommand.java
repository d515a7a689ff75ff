package dev.tuneagent.shell.commands;

import dev.tuneagent.core.analysis.TrialExplanation;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.shell.Console;
import dev.tuneagent.shell.ExitCodes;
import dev.tuneagent.shell.ExitStatus;
import dev.tuneagent.shell.UsageException;
import dev.tuneagent.shell.format.ExplainText;
import dev.tuneagent.shell.format.TrialJson;
import java.util.Optional;
import org.springframework.shell.standard.ShellCommandGroup;
import org.springframework.shell.standard.ShellComponent;
import org.springframework.shell.standard.ShellMethod;
import org.springframework.shell.standard.ShellOption;

/** {@code explain}: why a trial was proposed, by whom, at what cost, and how it ended. */
@ShellComponent
@ShellCommandGroup("Inspect studies")
public class ExplainCommand {
    private final Console console;
    private final ExitStatus status;

    public ExplainCommand(Console console, ExitStatus status) {
        this.console = console;
        this.status = status;
    }

    @ShellMethod(key = "explain", value = "Why trial N was proposed: proposer, fallback, model, candidates or acquisition, outcome.")
    public void explain(@ShellOption(value = "--study", help = "the study name") String study,
                        @ShellOption(value = "--trial", help = "the trial number (as in `tune history`)") String trial,
                        @ShellOption(defaultValue = ShellOption.NULL, help = StorageHelp.TEXT) String storage,
                        @ShellOption(defaultValue = "false", help = "print one JSON object for scripts") boolean json) {
        int number = number(trial);
        StudySnapshot s = StudyLoader.load(study, storage).snapshot();
        Optional<TrialExplanation> e = TrialExplanation.of(s, number);
        if (e.isEmpty()) {
            status.set(ExitCodes.NOT_FOUND);
            console.err().println("tune: study \"" + study + "\" has no trial #" + number
                    + (s.trials().isEmpty() ? " (it has no trials yet)" : " (its trials are #0 to #" + (s.trials().size() - 1) + ")"));
            return;
        }
        console.out().print(json ? TrialJson.write(e.get().toJson()) + "\n" : ExplainText.render(e.get()));
        console.out().flush();
    }

    private static int number(String trial) {
        String t = trial.startsWith("#") ? trial.substring(1) : trial; // "#7" as `history` shows it is fine too
        try {
            int n = Integer.parseInt(t.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--trial: got \"" + trial + "\", expected a trial number (0, 1, 2, ... as `tune history` lists them)");
    }
}
