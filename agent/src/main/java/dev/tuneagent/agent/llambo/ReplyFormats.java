package dev.tuneagent.agent.llambo;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.tuneagent.prompts.parse.ReplyFormat;

/**
 * The reply format the prompts ask for, read from the model's capabilities (decided once, where the model is built;
 * in replay from the recording): JSON with a schema when the model supports structured output, else LLAMBO's
 * delimited lines, which any model can write.
 */
public final class ReplyFormats {
    private ReplyFormats() {
    }

    public static ReplyFormat of(ChatModel model) {
        return model.supportedCapabilities().contains(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                ? ReplyFormat.JSON : ReplyFormat.DELIMITED;
    }
}
