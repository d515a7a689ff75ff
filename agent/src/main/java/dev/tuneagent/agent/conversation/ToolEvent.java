package dev.tuneagent.agent.conversation;

/**
 * One tool call and its result, as the model saw it.
 *
 * @param arguments the raw JSON the model sent
 * @param refused   true when the call was not carried out (unknown tool, bad arguments, refused path or job,
 *                  an error): {@code result} then says why
 */
public record ToolEvent(String tool, String arguments, String result, boolean refused) {
}
