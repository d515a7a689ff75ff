package dev.tuneagent.shell.commands;

import dev.tuneagent.core.store.StorageLocation;
import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.store.StudyStores;
import dev.tuneagent.core.store.StudySummary;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import dev.tuneagent.shell.Console;
import dev.tuneagent.shell.ExitCodes;
import dev.tuneagent.shell.ExitStatus;
import dev.tuneagent.core.store.StudyNotFoundException;
import dev.tuneagent.shell.format.StudyReport;
import dev.tuneagent.shell.format.Table;
import dev.tuneagent.shell.format.TrialJson;
import dev.tuneagent.shell.format.Values;
import java.util.Optional;
import org.springframework.shell.standard.ShellCommandGroup;
import org.springframework.shell.standard.ShellComponent;
import org.springframework.shell.standard.ShellMethod;
import org.springframework.shell.standard.ShellOption;

/** Read-only commands: {@code studies}, {@code status}, {@code best}, {@code history}. */
@ShellComponent
@ShellCommandGroup("Inspect studies")
public class QueryCommands {
    private final Console console;
    private final ExitStatus status;

    public QueryCommands(Console console, ExitStatus status) {
        this.console = console;
        this.status = status;
    }

    @ShellMethod(key = "studies", value = "List the studies in a store.")
    public void studies(@ShellOption(defaultValue = ShellOption.NULL, help = StorageHelp.TEXT) String storage) {
        try (StudyStore store = StudyStores.open(StorageLocation.parse(storage))) {
            Table t = new Table("STUDY", "OBJECTIVE", "FINISHED", "COMPLETE", "FAILED", "RUNNING", "BEST", "CREATED");
            for (StudySummary s : store.listStudies()) {
                StudyDefinition d = s.definition();
                t.row(d.name(), d.direction().lower() + " " + d.metric(), s.finished() + "/" + d.budget(),
                        s.count(TrialState.COMPLETE), s.count(TrialState.FAILED), s.count(TrialState.RUNNING),
                        Values.number(s.bestValue()), d.createdAt().toString().substring(0, 19).replace('T', ' '));
            }
            console.out().print(t.isEmpty() ? "No studies in " + store.location() + "\n" : t.render());
        }
    }

    @ShellMethod(key = "status", value = "Show a study's progress: trials per state, budget, best, LLM tokens and cost.")
    public void status(@ShellOption(value = "--study", help = "the study name") String study,
                       @ShellOption(defaultValue = ShellOption.NULL, help = StorageHelp.TEXT) String storage) {
        withStudy(study, storage, (store, s) -> StudyReport.status(s, store.location()));
    }

    @ShellMethod(key = "best", value = "Show a study's best trial (--json: one object with number, value, params).")
    public void best(@ShellOption(value = "--study", help = "the study name") String study,
                     @ShellOption(defaultValue = ShellOption.NULL, help = StorageHelp.TEXT) String storage,
                     @ShellOption(defaultValue = "false", help = "print JSON for scripts") boolean json) {
        withStudy(study, storage, (store, s) -> {
            Optional<Trial> best = s.best();
            if (best.isEmpty()) {
                status.set(ExitCodes.NOT_FOUND);
                console.err().println("tune: study \"" + study + "\" has no COMPLETE trial yet");
                return "";
            }
            return json ? TrialJson.write(TrialJson.trial(best.get())) + "\n" : StudyReport.best(s);
        });
    }

    @ShellMethod(key = "history", value = "List a study's trials (--json: one array of trial objects).")
    public void history(@ShellOption(value = "--study", help = "the study name") String study,
                        @ShellOption(defaultValue = ShellOption.NULL, help = StorageHelp.TEXT) String storage,
                        @ShellOption(defaultValue = "false", help = "print JSON for scripts") boolean json) {
        withStudy(study, storage, (store, s) -> {
            if (json) {
                return TrialJson.array(s.trials()) + "\n";
            }
            Table t = new Table("#", "STATE", s.study().metric().toUpperCase(java.util.Locale.ROOT), "PARAMS", "TIME",
                    "PROPOSER", "MESSAGE");
            for (Trial x : s.trials()) {
                String proposer = (x.provenance() == null ? "-" : x.provenance().proposer()
                        + (x.provenance().fallback() == null ? "" : "*")) + Values.originTag(x);
                t.row(x.number(), x.state(), Values.number(x.value()), Values.params(x.params()), Values.duration(x),
                        proposer, Values.firstLine(x.message(), 60));
            }
            return t.isEmpty() ? "Study " + study + " has no trials yet\n"
                    : t.render() + "(* = fallback; [..] = queued: enqueued, warm start or re-run; `tune history " + study
                    + " --json` has the reasons and attrs)\n";
        });
    }

    private void withStudy(String study, String storage, java.util.function.BiFunction<StudyStore, StudySnapshot, String> body) {
        try (StudyStore store = StudyStores.open(StorageLocation.parse(storage))) {
            if (store.findStudy(study).isEmpty()) {
                throw new StudyNotFoundException(study, store.location());
            }
            console.out().print(body.apply(store, store.snapshot(study)));
            console.out().flush();
        }
    }

}
