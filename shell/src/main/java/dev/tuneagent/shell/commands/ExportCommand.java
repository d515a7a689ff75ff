package dev.tuneagent.shell.commands;

import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.shell.Console;
import dev.tuneagent.shell.UsageException;
import dev.tuneagent.shell.export.CsvExport;
import dev.tuneagent.shell.export.OutFile;
import dev.tuneagent.shell.export.TaskYaml;
import dev.tuneagent.shell.format.TrialJson;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.shell.standard.ShellCommandGroup;
import org.springframework.shell.standard.ShellComponent;
import org.springframework.shell.standard.ShellMethod;
import org.springframework.shell.standard.ShellOption;

/** {@code export}: a study's trials as CSV or JSON, or its task as a YAML task file. */
@ShellComponent
@ShellCommandGroup("Inspect studies")
public class ExportCommand {
    private final Console console;

    public ExportCommand(Console console) {
        this.console = console;
    }

    @ShellMethod(key = "export", value = "Write a study's trials (csv, json) or its task file (yaml) to stdout or --out FILE.")
    public void export(@ShellOption(value = "--study", help = "the study name") String study,
                       @ShellOption(defaultValue = ShellOption.NULL, help = "csv | json | yaml") String format,
                       @ShellOption(defaultValue = ShellOption.NULL, help = "file to write (default: stdout)") String out,
                       @ShellOption(defaultValue = ShellOption.NULL, help = StorageHelp.TEXT) String storage) {
        String f = checkFormat(format);
        StudyLoader.Loaded loaded = StudyLoader.load(study, storage);
        StudySnapshot s = loaded.snapshot();
        String text = switch (f) {
            case "csv" -> CsvExport.write(s);
            case "json" -> TrialJson.array(s.trials()) + "\n";
            default -> TaskYaml.write(s.study(), loaded.location());
        };
        if (out == null) {
            console.out().print(text);
        } else {
            var file = OutFile.write(out, text.getBytes(StandardCharsets.UTF_8));
            console.out().println(f.equals("yaml") ? "Wrote the task of study " + study + " to " + file
                    + "; run it again with: tune run " + file + " --name NEW_NAME"
                    : "Wrote " + s.trials().size() + " trials of study " + study + " (" + f + ") to " + file);
        }
        console.out().flush();
    }

    private static String checkFormat(String format) {
        if (format == null) {
            throw new UsageException("export: --format is required: csv (trials), json (trials) or yaml (the task file)");
        }
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("csv") && !f.equals("json") && !f.equals("yaml")) {
            throw new UsageException("--format: got \"" + format + "\", expected csv, json or yaml");
        }
        return f;
    }
}
