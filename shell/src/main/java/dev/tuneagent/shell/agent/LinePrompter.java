package dev.tuneagent.shell.agent;

import dev.tuneagent.agent.conversation.Prompter;
import dev.tuneagent.shell.Console;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

/** Questions through JLine's line reader (editing, no history pollution); Ctrl-D or Ctrl-C ends the questions. */
public final class LinePrompter implements Prompter {
    private final LineReader reader;
    private final Console console;

    public LinePrompter(LineReader reader, Console console) {
        this.reader = reader;
        this.console = console;
    }

    @Override
    public String ask(String question) {
        console.out().flush();
        try {
            // answers to questions are not commands: keep them out of the command history
            Object before = reader.getVariable(LineReader.DISABLE_HISTORY);
            reader.setVariable(LineReader.DISABLE_HISTORY, true);
            try {
                return reader.readLine(question).strip();
            } finally {
                reader.setVariable(LineReader.DISABLE_HISTORY, before == null ? false : before);
            }
        } catch (EndOfFileException | UserInterruptException e) {
            return null;
        }
    }

    @Override
    public void say(String line) {
        console.out().println(line);
        console.out().flush();
    }
}
