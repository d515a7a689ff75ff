package dev.tuneagent.shell.commands;

import dev.tuneagent.core.analysis.TrialExplanation;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.shell.Console;
import dev.tuneagent.shell.ExitCodes;
import dev.tuneagent.shell.ExitStatus;
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
                        @ShellOption(value = "--trial", help = "the trial number (as in `tune history`)") Integer trial,
                        @ShellOption(defaultValue = ShellOption.NULL, help = StorageHelp.TEXT) String storage,
                        @ShellOption(defaultValue = "false", help = "print one JSON object for scripts") boolean json) {
        StudySnapshot s = StudyLoader.load(study, storage).snapshot();
        Optional<TrialExplanation> e = TrialExplanation.of(s, trial);
        if (e.isEmpty()) {
            status.set(ExitCodes.NOT_FOUND);
            console.err().println("tune: study \"" + study + "\" has no trial #" + trial
                    + (s.trials().isEmpty() ? " (it has no trials yet)" : " (its trials are #0 to #" + (s.trials().size() - 1) + ")"));
            return;
        }
        console.out().print(json ? TrialJson.write(e.get().toJson()) + "\n" : ExplainText.render(e.get()));
        console.out().flush();
    }
}
