package dev.tuneagent.shell.agent;

import dev.tuneagent.agent.conversation.Prompter;
import java.util.List;
import java.util.Locale;

/** The one question asked before anything runs: the answer is yes, no, edit (or save, where offered); never a default. */
public final class Confirm {
    public enum Answer { YES, NO, EDIT, SAVE }

    private Confirm() {
    }

    /** Shows the task, then asks until one of {@code allowed} is given; NO when the input ends. */
    public static Answer ask(Prompter io, String yaml, List<Answer> allowed) {
        io.say("");
        io.say(yaml.indent(2).stripTrailing());
        io.say("");
        String names = String.join("/", allowed.stream().map(a -> a.name().toLowerCase(Locale.ROOT)).toList());
        while (true) {
            String a = io.ask("Start this study? (" + names + "): ");
            if (a == null) {
                return Answer.NO;
            }
            String w = a.strip().toLowerCase(Locale.ROOT);
            for (Answer x : allowed) {
                String n = x.name().toLowerCase(Locale.ROOT);
                if (!w.isEmpty() && (w.equals(n) || w.equals(n.substring(0, 1)))) {
                    return x;
                }
            }
            io.say("Please answer " + names + ".");
        }
    }
}
