package dev.tuneagent.agent.proposers.fakes;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A hand-written ChatModel: the reply (or the exception) comes from a function of the request, and
 * every request is kept so tests can read the prompts that were sent. Token usage is reported as
 * ceil(chars / 4), like the stand-in server.
 */
public final class FakeChatModel implements ChatModel {
    private final Function<ChatRequest, String> script;
    public final List<ChatRequest> requests = new ArrayList<>();

    public FakeChatModel(Function<ChatRequest, String> script) {
        this.script = script;
    }

    /** Answers every request with LLAMBO-shaped replies from {@link ScriptedLlambo}. */
    public static FakeChatModel llambo() {
        return new FakeChatModel(r -> ScriptedLlambo.answer(firstUser(r), lastUser(r)));
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        requests.add(request);
        String reply = script.apply(request);
        int in = request.messages().stream().mapToInt(m -> text(m).length()).sum();
        return ChatResponse.builder().aiMessage(AiMessage.from(reply))
                .tokenUsage(new TokenUsage((in + 3) / 4, (reply.length() + 3) / 4)).build();
    }

    public static String firstUser(ChatRequest r) {
        return r.messages().stream().filter(m -> m instanceof UserMessage).map(FakeChatModel::text).findFirst()
                .orElse("");
    }

    public static String lastUser(ChatRequest r) {
        String last = "";
        for (ChatMessage m : r.messages()) {
            if (m instanceof UserMessage) {
                last = text(m);
            }
        }
        return last;
    }

    public static String text(ChatMessage m) {
        if (m instanceof UserMessage u) {
            return u.singleText();
        }
        if (m instanceof SystemMessage s) {
            return s.text();
        }
        if (m instanceof AiMessage a) {
            return a.text() == null ? "" : a.text();
        }
        return "";
    }
}
