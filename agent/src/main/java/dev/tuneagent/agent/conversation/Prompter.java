package dev.tuneagent.agent.conversation;

/** How the wizard talks to a person: the shell's line reader, or a script in tests. */
public interface Prompter {

    /** Shows {@code question} and returns the answer, stripped; null when input ended (Ctrl-D, Ctrl-C). */
    String ask(String question);

    void say(String line);
}
