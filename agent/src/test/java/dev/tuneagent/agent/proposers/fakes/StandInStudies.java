package dev.tuneagent.agent.proposers.fakes;

import dev.langchain4j.model.chat.ChatModel;
import dev.tuneagent.agent.llambo.LlmSettings;
import dev.tuneagent.agent.llambo.StudyBudget;
import dev.tuneagent.agent.llm.ChatModels;
import dev.tuneagent.agent.llm.ModelRef;
import dev.tuneagent.agent.llm.Provider;
import dev.tuneagent.agent.llm.ResolvedLlmConfig;
import dev.tuneagent.agent.llm.TransportOptions;
import dev.tuneagent.agent.llm.cassette.CassetteMode;
import dev.tuneagent.agent.llm.standin.ScriptedProviderServer;
import dev.tuneagent.agent.llm.standin.ScriptedRequest;
import dev.tuneagent.agent.proposers.GpEiScorer;
import dev.tuneagent.agent.proposers.LlmDeps;
import dev.tuneagent.agent.proposers.LlmProposers;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.proposer.SobolProposer;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.surrogate.proposer.GpProposer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs a MiniLoop study through the real LangChain4j OpenAI client and our transport: recorded
 * against the scripted stand-in server (WireMock speaking OpenAI's wire format, replies from
 * {@link ScriptedLlambo}), or replayed from the cassette with no server at all.
 */
public final class StandInStudies {
    public static final String RECORDED_WITH = ScriptedProviderServer.RECORDED_WITH
            + " Replies by ScriptedLlambo: Latin hypercube warm start, perturbations of the rows nearest the target, "
            + "inverse-distance surrogate predictions.";

    private StandInStudies() {
    }

    public static String reply(ScriptedRequest r) {
        String first = r.messages().stream().filter(m -> m.role().equals("user")).map(ScriptedRequest.Message::content)
                .findFirst().orElse("");
        return ScriptedLlambo.answer(first, r.lastUserText());
    }

    public static ChatModel model(String baseUrl, CassetteMode cassette) {
        ResolvedLlmConfig config = new ResolvedLlmConfig(new ModelRef(Provider.OPENAI, "stand-in"), baseUrl, null,
                Duration.ofSeconds(20), Duration.ofSeconds(5), 0.0, null, cassette);
        return ChatModels.create(config, TransportOptions.defaults().withRecordedWith(RECORDED_WITH));
    }

    public static Proposer proposer(String name, ChatModel model, LlmSettings settings) {
        return LlmProposers.create(name, new LlmDeps(model, settings, StudyBudget.unlimited(), Deps.CARD,
                new GpProposer(), new SobolProposer(), new GpEiScorer())).orElseThrow();
    }

    public static List<Trial> record(String name, StudyDefinition study, int trials, Path dir, LlmSettings settings) {
        try (ScriptedProviderServer server = ScriptedProviderServer.start(StandInStudies::reply)) {
            ChatModel model = model(server.openAiBaseUrl(), new CassetteMode.Record(dir));
            return MiniLoop.run(proposer(name, model, settings), study, trials, MiniLoop::accuracy);
        }
    }

    public static List<Trial> replay(String name, StudyDefinition study, int trials, Path dir, LlmSettings settings) {
        ChatModel model = model("http://127.0.0.1:" + closedPort() + "/v1", new CassetteMode.Replay(dir));
        return MiniLoop.run(proposer(name, model, settings), study, trials, MiniLoop::accuracy);
    }

    public static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
