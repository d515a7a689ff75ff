package dev.tuneagent.evals.eval;

import dev.tuneagent.agent.llm.LlmConfigFile;
import dev.tuneagent.agent.llm.LlmConfigResolver;
import dev.tuneagent.agent.llm.TransportOptions;
import dev.tuneagent.agent.proposers.LlmProposerRegistration;
import dev.tuneagent.agent.proposers.ProposerFactory;
import dev.tuneagent.agent.task.TaskLoader;
import dev.tuneagent.agent.task.ToolsJobCatalog;
import dev.tuneagent.tools.data.Datasets;
import dev.tuneagent.tools.inprocess.InProcessCatalog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Runs {@code tune eval} in-process for tests: an empty environment (no keys, no base URLs), no config file. */
final class Evals {
    static final InProcessCatalog CATALOG = new InProcessCatalog(new Datasets());

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    int failed;

    static Evals run(Map<String, String> env, String... args) {
        LlmConfigResolver resolver = new LlmConfigResolver(env, LlmConfigFile.none());
        TransportOptions transport = TransportOptions.defaults();
        ProposerFactory names = LlmProposerRegistration.register(ProposerFactory.classical(), resolver, transport);
        EvalCommand command = new EvalCommand(CATALOG, new TaskLoader(names, new ToolsJobCatalog(CATALOG)), resolver,
                transport, Clock.systemUTC());
        Evals e = new Evals();
        EvalOptions options = EvalOptions.parse(List.of(args), EvalCommand.proposerNames(names.names()));
        e.failed = command.execute(options, new PrintStream(e.out, true, StandardCharsets.UTF_8),
                new PrintStream(e.err, true, StandardCharsets.UTF_8));
        return e;
    }

    static Evals run(String... args) {
        return run(Map.of(), args);
    }

    String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String progress() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
