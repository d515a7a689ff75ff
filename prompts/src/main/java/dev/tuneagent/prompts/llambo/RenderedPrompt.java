package dev.tuneagent.prompts.llambo;

import java.util.List;

/**
 * A prompt ready to send.
 *
 * @param templateId    {@code name/version} of the template, recorded in provenance
 * @param text          the user message
 * @param droppedTrials trial numbers left out to fit the budget (also said in the text)
 */
public record RenderedPrompt(String templateId, String text, List<Integer> droppedTrials) {
    public RenderedPrompt {
        droppedTrials = List.copyOf(droppedTrials);
    }
}
