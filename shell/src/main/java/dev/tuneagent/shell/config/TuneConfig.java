package dev.tuneagent.shell.config;

import dev.tuneagent.agent.llm.LlmConfigResolver;
import dev.tuneagent.agent.llm.TransportOptions;
import dev.tuneagent.agent.proposers.LlmProposerRegistration;
import dev.tuneagent.agent.loop.StudyService;
import dev.tuneagent.agent.proposers.ProposerFactory;
import dev.tuneagent.agent.task.JobCatalog;
import dev.tuneagent.agent.task.TaskLoader;
import dev.tuneagent.agent.task.ToolsJobCatalog;
import dev.tuneagent.shell.Console;
import dev.tuneagent.shell.run.CachedWidth;
import dev.tuneagent.shell.agent.AgentRuns;
import dev.tuneagent.shell.agent.AgentSessions;
import dev.tuneagent.shell.agent.ShellSession;
import dev.tuneagent.shell.run.Launchers;
import dev.tuneagent.shell.run.StudyRunner;
import dev.tuneagent.shell.run.TerminalInfo;
import dev.tuneagent.tools.JobLaunchers;
import dev.tuneagent.tools.data.Datasets;
import dev.tuneagent.tools.inprocess.InProcessCatalog;
import java.time.Clock;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.jline.PromptProvider;

/** Wires the framework-free parts (agent, tools, core) together; the only Spring configuration. */
@Configuration
public class TuneConfig {

    @Bean
    PromptProvider prompt() {
        return () -> new AttributedString("tune> ");
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** LLM settings from the environment and ~/.tune/config.yaml (tests register their own). */
    @Bean
    @ConditionalOnMissingBean
    LlmConfigResolver llmConfigResolver() {
        return LlmConfigResolver.fromSystem();
    }

    @Bean
    ProposerFactory proposerFactory(LlmConfigResolver resolver) {
        // TUNE_RECORDED_WITH lets a recording say honestly what produced it (e.g. the scripted stand-in).
        return LlmProposerRegistration.register(ProposerFactory.classical(), resolver,
                TransportOptions.defaults().withRecordedWith(System.getenv("TUNE_RECORDED_WITH")));
    }

    @Bean
    Datasets datasets() {
        return new Datasets();
    }

    /** One catalog: data sets loaded while validating a task are cached for its trials. */
    @Bean
    InProcessCatalog inProcessCatalog(Datasets datasets) {
        return new InProcessCatalog(datasets);
    }

    /** The agent of {@code ask}, {@code shell} and {@code wizard}: same resolver and transport as the proposers. */
    @Bean
    AgentSessions agentSessions(TaskLoader loader, InProcessCatalog catalog, Datasets datasets,
                                LlmConfigResolver resolver) {
        return new AgentSessions(loader, catalog, datasets, resolver,
                TransportOptions.defaults().withRecordedWith(System.getenv("TUNE_RECORDED_WITH")));
    }

    @Bean
    ShellSession shellSession(AgentSessions sessions, AgentRuns runs, Console console) {
        return new ShellSession(sessions, runs, console);
    }

    @Bean
    AgentRuns agentRuns(StudyRunner runner, TaskLoader loader, Console console) {
        return new AgentRuns(runner, loader, console);
    }

    @Bean
    JobCatalog jobCatalog(InProcessCatalog catalog) {
        return new ToolsJobCatalog(catalog);
    }

    @Bean
    Launchers launchers(InProcessCatalog catalog) {
        return job -> new JobLaunchers(catalog);
    }

    @Bean
    TaskLoader taskLoader(ProposerFactory proposers, JobCatalog catalog) {
        return new TaskLoader(proposers, catalog);
    }

    /** Whether stdout is a terminal (the console knows) and its width (JLine asks the terminal on each call). */
    @Bean
    StudyService studyService(ProposerFactory proposers, TaskLoader loader, Clock clock) {
        return new StudyService(proposers, loader, clock);
    }

    @Bean
    TerminalInfo terminalInfo(Console console, ObjectProvider<Terminal> jline, Clock clock) {
        Terminal t = jline.getIfAvailable();
        return TerminalInfo.of(console.terminal(), new CachedWidth(() -> t == null ? 0 : t.getWidth(), clock), System.getenv());
    }

    @Bean
    StudyRunner studyRunner(StudyService studies, Launchers launchers, Console console, Clock clock,
                            TerminalInfo terminal) {
        return new StudyRunner(studies, launchers, console, clock, terminal);
    }
}
