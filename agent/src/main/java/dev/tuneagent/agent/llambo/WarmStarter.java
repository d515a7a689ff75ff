package dev.tuneagent.agent.llambo;

import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.prompts.card.DataCard;
import dev.tuneagent.prompts.llambo.LlamboPrompts;
import dev.tuneagent.prompts.parse.ConfigReplyParser;
import java.util.List;
import java.util.Map;

/** LLAMBO's zero-shot warm start: n initial configurations from the data card and the space, in one call. */
public final class WarmStarter {
    private WarmStarter() {
    }

    public static List<Map<String, Object>> design(LlmSession session, DataCard card, SearchSpace space, int n,
                                                   List<Map<String, Object>> past) {
        var format = session.settings().prompts().format();
        return session.ask(ps -> LlamboPrompts.warmStart(card, space, n, ps),
                reply -> ConfigReplyParser.parse(reply, space, past, format),
                LlamboPrompts.configsFormat(space, n, format), ReplySchemas.configurations(space));
    }
}
