package dev.tuneagent.agent.llambo;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.tuneagent.agent.llm.error.CassetteMiss;
import dev.tuneagent.agent.llm.error.ContextLengthExceeded;
import dev.tuneagent.agent.llm.error.LlmException;
import dev.tuneagent.agent.llm.usage.Usage;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.prompts.history.HistoryBudget;
import dev.tuneagent.prompts.llambo.LlamboPrompts;
import dev.tuneagent.prompts.llambo.PromptSettings;
import dev.tuneagent.prompts.llambo.RenderedPrompt;
import dev.tuneagent.prompts.parse.ParseResult;
import dev.tuneagent.prompts.parse.ReplyFormat;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The model calls made for one proposal: each question is asked with a bounded retry that tells the
 * model what was wrong with its reply, the history is halved after a context-length error, the
 * study's token and cost cap is checked before every call, and the usage is added up for the
 * proposal's provenance. Any failure becomes an {@link LlmFailure} with a reason to record, except a
 * {@link CassetteMiss}: a replay that no longer matches its recording must stop the study, not fall back.
 */
public final class LlmSession {
    private final ChatModel model;
    private final LlmSettings settings;
    private final StudyBudget budget;
    private final StudyBudget.Spent spentBefore;
    private final Set<String> promptIds = new LinkedHashSet<>();
    private long inputTokens;
    private long outputTokens;
    private double costUsd;
    private int calls;

    public LlmSession(ChatModel model, LlmSettings settings, StudyBudget budget, StudySnapshot snapshot) {
        this.model = model;
        this.settings = settings;
        this.budget = budget;
        this.spentBefore = StudyBudget.spent(snapshot);
    }

    public LlmSettings settings() {
        return settings;
    }

    /**
     * Asks one question until the parser accepts the reply or the retries run out.
     *
     * @param prompt       renders the question for the given settings (called again with a smaller budget)
     * @param parse        the strict reader of the reply
     * @param instructions the reply-format sentence repeated in the retry message
     */
    public <T> T ask(Function<PromptSettings, RenderedPrompt> prompt, Function<String, ParseResult<T>> parse,
                     String instructions) {
        return ask(prompt, parse, instructions, null);
    }

    /** As {@link #ask(Function, Function, String)}, sending {@code schema} (nullable) in JSON mode where supported. */
    public <T> T ask(Function<PromptSettings, RenderedPrompt> prompt, Function<String, ParseResult<T>> parse,
                     String instructions, JsonSchema schema) {
        PromptSettings ps = settings.prompts();
        for (int shrink = 0; ; shrink++) {
            RenderedPrompt rendered;
            try {
                rendered = prompt.apply(ps);
            } catch (RuntimeException e) {
                throw new LlmFailure("cannot build the prompt: " + e.getMessage(), e);
            }
            promptIds.add(rendered.templateId());
            try {
                return askOnce(rendered, parse, instructions, schema);
            } catch (LlmFailure | CassetteMiss e) {
                throw e;
            } catch (ContextLengthExceeded e) {
                if (shrink >= settings.shrinkRetries()) {
                    throw new LlmFailure("prompt too long for the model even after halving the history "
                            + shrink + " time(s)", e);
                }
                int current = Math.min(ps.budget().maxChars(), rendered.text().length());
                ps = ps.withBudget(new HistoryBudget(Math.max(1, current / 2)));
            } catch (LlmException e) {
                throw new LlmFailure("model error: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                throw new LlmFailure("model error: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
            }
        }
    }

    private <T> T askOnce(RenderedPrompt rendered, Function<String, ParseResult<T>> parse, String instructions,
                          JsonSchema schema) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(LlamboPrompts.system()));
        messages.add(UserMessage.from(rendered.text()));
        String problems = "";
        for (int attempt = 0; attempt <= settings.parseRetries(); attempt++) {
            String text = call(messages, schema);
            ParseResult<T> result = parse.apply(text);
            if (result instanceof ParseResult.Ok<T> ok) {
                return ok.value();
            }
            problems = ((ParseResult.Failed<T>) result).explanation();
            messages.add(AiMessage.from(text == null || text.isEmpty() ? "(empty reply)" : text));
            messages.add(UserMessage.from(LlamboPrompts.retry(problems, instructions)));
        }
        throw new LlmFailure("unusable reply after " + (settings.parseRetries() + 1) + " attempt(s): "
                + shorten(problems), null);
    }

    private String call(List<ChatMessage> messages, JsonSchema schema) {
        String exhausted = budget.exhausted(spentBefore.plus(inputTokens + outputTokens, costUsd));
        if (exhausted != null) {
            throw new BudgetExhausted(exhausted);
        }
        ChatRequest.Builder request = ChatRequest.builder().messages(List.copyOf(messages));
        if (settings.prompts().format() == ReplyFormat.JSON) {
            // JSON is chosen only for a model whose capabilities include a JSON schema (see ReplyFormats):
            // the schema when we have one (structured output), else JSON mode.
            request.responseFormat(schema == null ? ResponseFormat.JSON
                    : ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(schema).build());
        }
        calls++;
        ChatResponse response = model.chat(request.build());
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        Usage usage = Usage.of(response);
        if (!usage.reported()) {
            // No usage from the provider (some local servers): estimate so the cap still means something.
            long in = messages.stream().mapToLong(m -> HistoryBudget.estimateTokens(textOf(m))).sum();
            usage = new Usage(in, text == null ? 0 : HistoryBudget.estimateTokens(text), false);
        }
        inputTokens += usage.inputTokens();
        outputTokens += usage.outputTokens();
        if (settings.prices() != null) {
            costUsd += settings.prices().cost(usage);
        }
        return text;
    }

    private static String textOf(ChatMessage m) {
        if (m instanceof UserMessage u) {
            return u.hasSingleText() ? u.singleText() : "";
        }
        if (m instanceof SystemMessage sys) {
            return sys.text();
        }
        if (m instanceof AiMessage ai) {
            return ai.text() == null ? "" : ai.text();
        }
        return "";
    }

    private static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 297) + "..." : s;
    }

    public int calls() {
        return calls;
    }

    public long inputTokens() {
        return inputTokens;
    }

    public long outputTokens() {
        return outputTokens;
    }

    public double costUsd() {
        return costUsd;
    }

    /** The templates used, e.g. {@code sampler/v1+surrogate/v1}; null before any prompt. */
    public String promptVersion() {
        return promptIds.isEmpty() ? null : String.join("+", promptIds);
    }

    /** Provenance of a proposal made in this session, carrying its model usage. */
    public Provenance provenance(String proposer, long seed, String fallback) {
        return new Provenance(proposer, promptVersion(), settings.model(), seed, fallback, inputTokens, outputTokens,
                costUsd);
    }
}
