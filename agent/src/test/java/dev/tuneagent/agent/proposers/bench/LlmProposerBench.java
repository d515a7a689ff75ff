package dev.tuneagent.agent.proposers.bench;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.tuneagent.agent.llambo.LlmSettings;
import dev.tuneagent.agent.llm.cassette.CassetteMode;
import dev.tuneagent.agent.proposers.fakes.Deps;
import dev.tuneagent.agent.proposers.fakes.MiniLoop;
import dev.tuneagent.agent.proposers.fakes.StandInStudies;
import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.surrogate.proposer.GpProposer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Calls, tokens and proposer overhead per trial of each LLM proposer on a 30-trial study in replay
 * mode: each study is first recorded against the scripted stand-in server, then replayed with no
 * server through the real OpenAI client and the cassette transport, and only the replay is timed.
 * Overhead is the wall time inside {@code propose} (prompts, parsing, cassette lookup, GP fits), not
 * the objective. Usage: see docs/llm-proposers.md.
 */
public final class LlmProposerBench {
    private LlmProposerBench() {
    }

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        StudyDefinition study = MiniLoop.study("bench", 2026, trials);
        LlmSettings settings = LlmSettings.defaults(Deps.MODEL);
        System.out.printf(Locale.ROOT, "%d-trial study, replay mode (cassettes recorded against the scripted stand-in)%n%n", trials);
        System.out.println("| proposer | calls | calls/trial | tokens in/trial | tokens out/trial | fallbacks | overhead ms/trial (mean) | overhead ms/trial (median) | best accuracy |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (String name : List.of("llambo", "llm-sampler", "hybrid", "llm-warmstart")) {
            Path dir = Files.createTempDirectory("bench-" + name);
            StandInStudies.record(name, study, trials, dir, settings);
            int[] calls = {0};
            ChatModel replay = StandInStudies.model("http://127.0.0.1:9/v1", new CassetteMode.Replay(dir));
            ChatModel counting = new ChatModel() {
                @Override
                public ChatResponse chat(ChatRequest request) {
                    calls[0]++;
                    return replay.chat(request);
                }
            };
            row(name, StandInStudies.proposer(name, counting, settings), study, trials, calls);
        }
        row("gp (baseline)", new GpProposer(), study, trials, new int[] {0});
    }

    private static void row(String name, Proposer proposer, StudyDefinition study, int trials, int[] calls) {
        List<Trial> done = new ArrayList<>();
        double[] ms = new double[trials];
        for (int i = 0; i < trials; i++) {
            StudySnapshot snapshot = new StudySnapshot(study, done);
            long t0 = System.nanoTime();
            Proposal p = proposer.propose(snapshot, 1).get(0);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            done.add(MiniLoop.complete(i, p, MiniLoop.accuracy(p.params())));
        }
        long in = done.stream().mapToLong(t -> t.provenance().inputTokens()).sum();
        long out = done.stream().mapToLong(t -> t.provenance().outputTokens()).sum();
        long fallbacks = done.stream().filter(t -> t.provenance().fallback() != null).count();
        double best = done.stream().mapToDouble(Trial::value).max().orElse(Double.NaN);
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.0f | %.0f | %d | %.1f | %.1f | %.4f |%n", name, calls[0],
                (double) calls[0] / trials, (double) in / trials, (double) out / trials, fallbacks,
                Arrays.stream(ms).average().orElse(0), sorted[trials / 2], best);
    }
}
