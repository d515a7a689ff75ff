package dev.tuneagent.shell.commands;

import dev.tuneagent.core.analysis.ParamImportance;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.shell.Console;
import dev.tuneagent.shell.ExitCodes;
import dev.tuneagent.shell.ExitStatus;
import dev.tuneagent.shell.UsageException;
import dev.tuneagent.shell.export.OutFile;
import dev.tuneagent.shell.plot.PngPlot;
import dev.tuneagent.shell.plot.TextChart;
import dev.tuneagent.shell.run.TerminalInfo;
import java.util.List;
import java.util.Locale;
import org.springframework.shell.standard.ShellCommandGroup;
import org.springframework.shell.standard.ShellComponent;
import org.springframework.shell.standard.ShellMethod;
import org.springframework.shell.standard.ShellOption;

/** {@code plot}: the best-so-far curve, every trial, and parameter importance, as a PNG or as text. */
@ShellComponent
@ShellCommandGroup("Inspect studies")
public class PlotCommand {
    private final Console console;
    private final ExitStatus status;
    private final TerminalInfo terminal;

    public PlotCommand(Console console, ExitStatus status, TerminalInfo terminal) {
        this.console = console;
        this.status = status;
        this.terminal = terminal;
    }

    @ShellMethod(key = "plot", value = "Plot a study (best so far, every trial, parameter importance) to a PNG, or --terminal as text.")
    public void plot(@ShellOption(value = "--study", help = "the study name") String study,
                     @ShellOption(defaultValue = ShellOption.NULL, help = "the PNG file to write") String out,
                     @ShellOption(defaultValue = "false", help = "draw a text chart on stdout instead") boolean terminal,
                     @ShellOption(defaultValue = ShellOption.NULL, help = StorageHelp.TEXT) String storage) {
        if (terminal && out != null) {
            throw new UsageException("plot: --terminal draws on stdout and --out writes a PNG; give one of them");
        }
        if (!terminal && out == null) {
            throw new UsageException("plot: --out FILE.png is required (or --terminal for a text chart)");
        }
        if (out != null && !out.toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new UsageException("--out: got \"" + out + "\", expected a file name ending in .png");
        }
        if (out != null) {
            OutFile.path(out);
        }
        StudySnapshot s = StudyLoader.load(study, storage).snapshot();
        if (s.completed().isEmpty()) {
            status.set(ExitCodes.NOT_FOUND);
            console.err().println("tune: study \"" + study + "\" has no COMPLETE trial yet, so there is nothing to plot ("
                    + s.trials().size() + " trials; `tune history " + study + "` shows them)");
            return;
        }
        List<ParamImportance.Score> importance = ParamImportance.of(s);
        if (terminal) {
            console.out().print(TextChart.render(s, importance, this.terminal.width()));
        } else {
            var file = OutFile.write(out, PngPlot.render(s, importance));
            console.out().println("Wrote " + file + " (" + 2 * PngPlot.PANEL_WIDTH + "x" + PngPlot.HEIGHT + " PNG: "
                    + s.completed().size() + " complete and " + s.failed().size() + " failed trials, parameter importance)");
        }
        console.out().flush();
    }
}
