/**
 * The tool-calling conversation behind {@code tune ask}, {@code tune shell} and the wizard: the model's whole
 * power is the allow-list of tools in {@link dev.tuneagent.agent.conversation.AgentTools}; every task it builds
 * goes through the task-file parser; nothing starts without a person's yes ({@link dev.tuneagent.agent.conversation.StudyGate}).
 * Uses {@code llm} (the ChatModel stack) and {@code loop}; knows nothing of Spring.
 */
package dev.tuneagent.agent.conversation;
