package dev.tuneagent.agent.proposers;

import dev.langchain4j.model.chat.ChatModel;
import dev.tuneagent.agent.llambo.LlmSettings;
import dev.tuneagent.agent.llambo.ReplyFormats;
import dev.tuneagent.agent.llambo.StudyBudget;
import dev.tuneagent.agent.llm.ChatModels;
import dev.tuneagent.agent.llm.LlmConfigResolver;
import dev.tuneagent.agent.llm.ResolvedLlmConfig;
import dev.tuneagent.agent.llm.TransportOptions;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.proposer.SobolProposer;
import dev.tuneagent.core.task.LlmSpec;
import dev.tuneagent.core.task.TaskSpec;
import dev.tuneagent.prompts.card.ContextLevel;
import dev.tuneagent.prompts.llambo.PromptSettings;
import dev.tuneagent.prompts.parse.ReplyFormat;
import dev.tuneagent.surrogate.proposer.GpProposer;

/**
 * Registers the LLM presets ({@code llambo}, {@code llm-sampler}, {@code hybrid}, {@code llm-warmstart},
 * {@code hybrid-warmstart}) in a {@link ProposerFactory}. The reply format follows the model's capabilities
 * ({@link ReplyFormats}), which {@link ChatModels} decides once (in replay, from the recording). Each study gets its own chat model, resolved from the task's {@code llm:}
 * section (where the commands put {@code --model} and {@code --cassette}), the environment and the
 * config file; a missing model or key is a {@code ConfigException} that says what to set.
 */
public final class LlmProposerRegistration {
    private LlmProposerRegistration() {
    }

    public static ProposerFactory register(ProposerFactory factory, LlmConfigResolver resolver, TransportOptions options) {
        for (String name : LlmProposers.NAMES) {
            factory.register(name, task -> create(name, task, resolver, options));
        }
        return factory;
    }

    /** The task with {@code --model} / {@code --cassette} (when given) replacing its {@code llm:} values. */
    public static TaskSpec withCli(TaskSpec t, String model, String cassette) {
        return withCli(t, LlmSpec.builder().model(model).cassette(cassette).build());
    }

    /**
     * The task with every non-null field of {@code cli} replacing its {@code llm:} value. A relative
     * {@code --cassette} directory is made absolute against the working directory first: it was typed on the
     * command line, so it must not resolve against the task file's folder as the task's own {@code llm.cassette} does.
     */
    public static TaskSpec withCli(TaskSpec t, LlmSpec cli) {
        if (cli.equals(LlmSpec.empty())) {
            return t;
        }
        LlmSpec fromCwd = cli.cassette() == null ? cli
                : cli.toBuilder().cassette(fromWorkingDirectory(cli.cassette())).build();
        return t.toBuilder().llm(t.llm().overriddenBy(fromCwd)).build();
    }

    /** {@code record:DIR} / {@code replay:DIR} with DIR absolute (against the working directory); else unchanged. */
    static String fromWorkingDirectory(String cassette) {
        int colon = cassette.indexOf(':');
        if (colon < 0) {
            return cassette;
        }
        String dir = cassette.substring(colon + 1);
        if (dir.isBlank() || java.nio.file.Path.of(dir).isAbsolute()) {
            return cassette;
        }
        return cassette.substring(0, colon + 1) + java.nio.file.Path.of(dir).toAbsolutePath().normalize();
    }

    static Proposer create(String name, TaskSpec task, LlmConfigResolver resolver, TransportOptions options) {
        LlmSpec llm = task.llm() == null ? LlmSpec.empty() : task.llm();
        ResolvedLlmConfig config = resolver.resolve(null, llm, task.baseDir());
        ChatModel model = ChatModels.create(config, options);
        LlmSettings settings = settings(config.model().toString(), llm, ReplyFormats.of(model)).withPrices(config.prices());
        LlmDeps deps = new LlmDeps(model, settings, StudyBudget.of(task), DataCards.of(task), new GpProposer(),
                new SobolProposer(), new GpEiScorer());
        return LlmProposers.create(name, deps).orElseThrow();
    }

    static LlmSettings settings(String model, LlmSpec llm, ReplyFormat format) {
        LlmSettings s = LlmSettings.defaults(model);
        if (llm.alpha() != null) {
            s = s.withAlpha(llm.alpha());
        }
        ContextLevel level = ContextLevel.parse("llm.context", llm.context());
        return s.withPrompts(new PromptSettings(level, format, s.prompts().budget()));
    }
}
