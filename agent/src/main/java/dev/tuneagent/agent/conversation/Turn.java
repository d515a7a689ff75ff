package dev.tuneagent.agent.conversation;

import dev.tuneagent.core.task.TaskSpec;
import java.util.List;

/**
 * What one user message led to.
 *
 * @param reply     the model's last text (null when the turn ended at a tool call or at the cap)
 * @param events    the tool calls of this turn, in order
 * @param task      the last task that passed validation in this conversation (null: none yet)
 * @param decision  the gate's answer when start_study was called in this turn (null: it was not)
 * @param capped    true when the turn hit the cap on model calls
 */
public record Turn(String reply, List<ToolEvent> events, TaskSpec task, StudyGate.Decision decision, boolean capped) {

    public Turn {
        events = List.copyOf(events);
    }

    /** start_study was called and the caller is to start (or save) {@link #task}. */
    public boolean deferredStart() {
        return decision instanceof StudyGate.Deferred;
    }
}
