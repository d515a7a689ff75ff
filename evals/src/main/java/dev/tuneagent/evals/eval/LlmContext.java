package dev.tuneagent.evals.eval;

import dev.tuneagent.agent.llm.usage.UsageTotals;
import dev.tuneagent.agent.llm.LlmConfigResolver;
import dev.tuneagent.agent.llm.ResolvedLlmConfig;
import dev.tuneagent.agent.llm.TransportOptions;
import dev.tuneagent.agent.proposers.LlmProposerRegistration;
import dev.tuneagent.agent.proposers.ProposerFactory;
import dev.tuneagent.core.task.LlmSpec;
import dev.tuneagent.core.task.TaskSpec;
import java.nio.file.Path;

/**
 * How LLM cells reach their model: the {@code --llm} mode, the model and base URL (in replay: from the
 * recordings' manifest), the resolver for keys and prices, and the transport options every cell starts from.
 */
public record LlmContext(LlmMode mode, String model, String baseUrl, LlmConfigResolver resolver,
                         TransportOptions base) {

    /**
     * Resolves the model once before any cell runs, so a missing model or key is one clear error (exit 2)
     * instead of a failed line per cell. In record mode the manifest is written; in replay it is read.
     */
    public static LlmContext prepare(LlmMode mode, String cliModel, LlmConfigResolver resolver,
                                     TransportOptions base) {
        if (mode instanceof LlmMode.Replay r) {
            Recordings rec = Recordings.read(r.dir());
            if (cliModel != null && !cliModel.equals(rec.model())) {
                throw new dev.tuneagent.core.config.ConfigException("--model", "got \"" + cliModel + "\", but "
                        + r.dir().resolve(Recordings.FILE) + " says the recordings are of " + rec.model()
                        + "; leave --model out to replay them");
            }
            return new LlmContext(mode, rec.model(), rec.baseUrl(), resolver, base);
        }
        ResolvedLlmConfig config = resolver.resolve(new LlmSpec(cliModel, null, null, null, null, null, null, null,
                null), null, null);
        String model = config.model().toString();
        String url = Recordings.safeUrl(config.baseUrl());
        if (mode instanceof LlmMode.Record r) {
            String with = base.recordedWith() != null ? base.recordedWith()
                    : "tune-agent, recording live exchanges with " + url;
            Recordings.writeOrCheck(r.dir(), new Recordings(model, url, with));
        }
        return new LlmContext(mode, model, mode instanceof LlmMode.Off ? null : url, resolver, base);
    }

    /** A fresh usage counter for one cell, priced from the built-in table when it knows the model. */
    UsageTotals usage() {
        return new UsageTotals(model == null ? java.util.Optional.empty()
                : dev.tuneagent.agent.llm.usage.PriceTable.lookup(dev.tuneagent.agent.llm.ModelRef.parse(model, "--model")));
    }

    /** A proposer factory for one cell: its own usage counter and cassette session. */
    ProposerFactory factory(UsageTotals usage, String session, long seed) {
        TransportOptions options = base.withListener(usage).withCassetteSession(session).withSeed(seed);
        return LlmProposerRegistration.register(ProposerFactory.classical(), resolver, options);
    }

    /** The cell's task with its model, base URL and cassette. */
    TaskSpec task(TaskSpec task, Path cellDir) {
        return LlmProposerRegistration.withCli(task, LlmSpec.builder().model(model).baseUrl(baseUrl)
                .cassette(mode.cassette(cellDir)).build());
    }
}
