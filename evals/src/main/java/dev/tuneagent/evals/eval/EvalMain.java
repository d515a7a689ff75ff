package dev.tuneagent.evals.eval;

import dev.tuneagent.agent.llm.LlmConfigResolver;
import dev.tuneagent.agent.llm.TransportOptions;
import dev.tuneagent.agent.proposers.LlmProposerRegistration;
import dev.tuneagent.agent.proposers.ProposerFactory;
import dev.tuneagent.agent.task.TaskLoader;
import dev.tuneagent.agent.task.ToolsJobCatalog;
import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.tools.data.Datasets;
import dev.tuneagent.tools.inprocess.InProcessCatalog;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -cp ... dev.tuneagent.evals.eval.EvalMain --suite synthetic --proposers random,gp --out DIR}: the
 * same command as {@code tune eval} without Spring. Exit codes: 0 done, 2 bad arguments, 5 some cells failed.
 */
public final class EvalMain {
    public static final int CELLS_FAILED = 6;

    private EvalMain() {
    }

    /** The wiring both entry points share; {@code TUNE_RECORDED_WITH} says what produces a recording. */
    public static EvalCommand command(InProcessCatalog catalog, String recordedWith) {
        LlmConfigResolver resolver = LlmConfigResolver.fromSystem();
        TransportOptions transport = TransportOptions.defaults().withRecordedWith(recordedWith);
        ProposerFactory names = LlmProposerRegistration.register(ProposerFactory.classical(), resolver, transport);
        TaskLoader loader = new TaskLoader(names, new ToolsJobCatalog(catalog));
        return new EvalCommand(catalog, loader, resolver, transport, Clock.systemUTC());
    }

    public static List<String> proposerNames() {
        ProposerFactory f = LlmProposerRegistration.register(ProposerFactory.classical(), LlmConfigResolver.fromSystem(),
                TransportOptions.defaults());
        return EvalCommand.proposerNames(f.names());
    }

    public static void main(String[] args) {
        List<String> list = Arrays.asList(args);
        if (EvalOptions.wantsHelp(list)) {
            System.out.println(EvalOptions.USAGE);
            return;
        }
        try {
            EvalOptions options = EvalOptions.parse(list, proposerNames());
            int failed = command(new InProcessCatalog(new Datasets()), System.getenv("TUNE_RECORDED_WITH"))
                    .execute(options, System.out, System.err);
            System.exit(failed > 0 ? CELLS_FAILED : 0);
        } catch (ConfigException e) {
            System.err.println("eval: " + e.getMessage());
            System.exit(2);
        }
    }
}
