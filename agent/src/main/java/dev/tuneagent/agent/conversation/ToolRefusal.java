package dev.tuneagent.agent.conversation;

/**
 * A tool call that cannot be carried out as asked (bad argument, a path outside the folder, a command job...). Its
 * message goes back to the model as the tool's result, so it must say what was wrong and what is allowed.
 */
public final class ToolRefusal extends RuntimeException {
    public ToolRefusal(String message) {
        super(message, null, false, false);
    }
}
