package dev.tuneagent.prompts.parse;

/**
 * How a model is asked to answer: JSON (for providers with structured output) or LLAMBO's
 * delimited {@code ## ... ##} text. Parsers accept either, trying the requested one first, because
 * models do not always follow instructions; the values are checked strictly either way.
 */
public enum ReplyFormat {
    JSON, DELIMITED;

    /** The template holding this format's instructions for configuration replies. */
    public String configsTemplate() {
        return this == JSON ? "format-configs-json" : "format-configs-delimited";
    }

    /** The template holding this format's instructions for score replies. */
    public String scoresTemplate() {
        return this == JSON ? "format-scores-json" : "format-scores-delimited";
    }
}
