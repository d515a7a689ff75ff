package dev.tuneagent.agent.proposers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.tuneagent.agent.llambo.LlmSettings;
import dev.tuneagent.agent.llambo.StudyBudget;
import dev.tuneagent.agent.llm.error.CassetteMiss;
import dev.tuneagent.agent.llm.error.ContextLengthExceeded;
import dev.tuneagent.agent.llm.error.ProviderUnavailable;
import dev.tuneagent.agent.llm.usage.Prices;
import dev.tuneagent.agent.proposers.fakes.Deps;
import dev.tuneagent.agent.proposers.fakes.FakeChatModel;
import dev.tuneagent.agent.proposers.fakes.HaltonProposer;
import dev.tuneagent.agent.proposers.fakes.MiniLoop;
import dev.tuneagent.agent.proposers.fakes.ScriptedLlambo;
import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class FallbackChainTest {
    static final StudyDefinition STUDY = MiniLoop.study("faults", 11, 30);
    /** Seven completed trials from a well-behaved run: past the initial design of every proposer. */
    static final List<Trial> HISTORY = MiniLoop.run(
            LlmProposers.create("llambo", Deps.of(FakeChatModel.llambo())).orElseThrow(), STUDY, 7, MiniLoop::accuracy);

    static Proposal proposeOne(String proposer, Function<ChatRequest, String> script, List<Trial> history) {
        return LlmProposers.create(proposer, Deps.of(new FakeChatModel(script))).orElseThrow()
                .propose(new StudySnapshot(STUDY, history), 1).get(0);
    }

    @Test
    void aProviderOutageFallsBackToTheGpAndSaysWhy() {
        Proposal p = proposeOne("llambo", r -> {
            throw new ProviderUnavailable("openai:stand-in: 503 Service Unavailable after 3 attempts", false, null);
        }, HISTORY);
        assertThat(p.provenance().proposer()).isEqualTo("gp");
        assertThat(p.provenance().fallback()).isEqualTo("model error: openai:stand-in: 503 Service Unavailable after 3 attempts");
        assertThat(MiniLoop.SPACE.coerce(p.params())).isEqualTo(p.params());
    }

    @Test
    void anUnexpectedExceptionFromTheModelIsAFallbackNotACrash() {
        Proposal p = proposeOne("hybrid", r -> {
            throw new IllegalStateException("boom");
        }, HISTORY);
        assertThat(p.provenance().fallback()).isEqualTo("model error: IllegalStateException: boom");
    }

    @Test
    void aModelThatReturnsNoTextNeverStopsTheStudy() {
        FakeChatModel empty = new FakeChatModel(r -> null);
        Proposal p = LlmProposers.create("llambo", Deps.of(empty)).orElseThrow()
                .propose(new StudySnapshot(STUDY, HISTORY), 1).get(0);
        assertThat(p.provenance().proposer()).isEqualTo("gp");
        assertThat(p.provenance().fallback()).isNotBlank();
        assertThat(MiniLoop.SPACE.coerce(p.params())).isEqualTo(p.params());
    }

    @Test
    void proseIsRetriedWithTheProblemsQuotedThenFallsBackWithTheTokensSpent() {
        FakeChatModel model = new FakeChatModel(r -> "I'm sorry, I cannot help with hyperparameters today.");
        Proposal p = LlmProposers.create("llm-sampler", Deps.of(model)).orElseThrow()
                .propose(new StudySnapshot(STUDY, HISTORY), 1).get(0);
        assertThat(model.requests).hasSize(4); // 2 templates x (first try + 1 retry)
        assertThat(FakeChatModel.lastUser(model.requests.get(1)))
                .startsWith("Your previous reply could not be used: no configuration found")
                .contains("## name: value, name: value ##");
        assertThat(model.requests.get(1).messages()).hasSize(4);
        assertThat(p.provenance().proposer()).isEqualTo("gp");
        assertThat(p.provenance().fallback()).startsWith("unusable reply after 2 attempt(s): no configuration found");
        assertThat(p.provenance().inputTokens()).isPositive();
    }

    @Test
    void aCorrectedReplyAfterTheRetryIsUsed() {
        FakeChatModel model = new FakeChatModel(r -> r.messages().size() == 2 ? "Here is my idea: lr 0.01"
                : ScriptedLlambo.answer(FakeChatModel.firstUser(r), FakeChatModel.lastUser(r)));
        Proposal p = LlmProposers.create("llm-sampler", Deps.of(model)).orElseThrow()
                .propose(new StudySnapshot(STUDY, HISTORY), 1).get(0);
        assertThat(p.provenance().proposer()).isEqualTo("llm-sampler");
        assertThat(p.provenance().fallback()).isNull();
    }

    @Test
    void repeatingAPastTrialIsRejectedAsADuplicate() {
        String copy = "## lr: " + HISTORY.get(0).params().get("lr") + ", dropout: " + HISTORY.get(0).params().get("dropout")
                + ", depth: " + HISTORY.get(0).params().get("depth") + ", criterion: "
                + HISTORY.get(0).params().get("criterion") + " ##";
        FakeChatModel model = new FakeChatModel(r -> copy);
        Proposal p = LlmProposers.create("hybrid", Deps.of(model)).orElseThrow()
                .propose(new StudySnapshot(STUDY, HISTORY), 1).get(0);
        assertThat(FakeChatModel.lastUser(model.requests.get(1))).contains("repeats a configuration that was already tried");
        assertThat(p.provenance().fallback()).contains("repeats a configuration that was already tried");
        assertThat(HISTORY).noneMatch(t -> MiniLoop.SPACE.sameConfig(t.params(), p.params()));
    }

    @Test
    void aFailingSurrogateStillUsesTheSamplersCandidatesAndSaysSo() {
        Proposal p = proposeOne("llambo", r -> FakeChatModel.firstUser(r).contains("Predict the performance")
                ? "All of them will do great." : ScriptedLlambo.answer(FakeChatModel.firstUser(r), FakeChatModel.lastUser(r)),
                HISTORY);
        assertThat(p.provenance().proposer()).isEqualTo("llambo");
        assertThat(p.provenance().fallback()).startsWith("surrogate failed, candidates taken in sampler order: unusable reply");
    }

    @Test
    void aContextLengthErrorShrinksTheHistoryAndRetries() {
        List<Trial> longHistory = MiniLoop.run(LlmProposers.create("llm-warmstart", Deps.of(FakeChatModel.llambo()))
                .orElseThrow(), STUDY, 24, MiniLoop::accuracy);
        FakeChatModel model = new FakeChatModel(r -> {
            String prompt = FakeChatModel.firstUser(r);
            if (prompt.length() > 2500) {
                throw new ContextLengthExceeded("openai:stand-in: context_length_exceeded (" + prompt.length() + " chars)", null);
            }
            return ScriptedLlambo.answer(prompt, FakeChatModel.lastUser(r));
        });
        Proposal p = LlmProposers.create("llm-sampler", Deps.of(model)).orElseThrow()
                .propose(new StudySnapshot(STUDY, longHistory), 1).get(0);
        assertThat(p.provenance().fallback()).isNull();
        assertThat(p.provenance().proposer()).isEqualTo("llm-sampler");
        String accepted = FakeChatModel.firstUser(model.requests.get(model.requests.size() - 1));
        assertThat(accepted).contains("completed trials are shown").contains("not shown: trials");
        assertThat(accepted.length()).isLessThanOrEqualTo(2500);
    }

    @Test
    void theStudyTokenCapHandsOverToTheGpAndStopsCallingTheModel() {
        FakeChatModel model = FakeChatModel.llambo();
        Proposer llambo = LlmProposers.create("llambo", Deps.of(model, LlmSettings.defaults(Deps.MODEL),
                new StudyBudget(20_000L, null), Deps.CARD)).orElseThrow();
        List<Trial> trials = MiniLoop.run(llambo, STUDY, 14, MiniLoop::accuracy);
        int firstCapped = -1;
        for (int i = 0; i < trials.size(); i++) {
            String f = trials.get(i).provenance().fallback();
            if (f != null && f.startsWith("token budget exhausted")) {
                firstCapped = i;
                break;
            }
        }
        assertThat(firstCapped).as("a trial records the exhausted budget").isBetween(6, 13);
        assertThat(trials.subList(firstCapped, trials.size())).allSatisfy(t -> {
            assertThat(t.provenance().proposer()).isEqualTo("gp");
            assertThat(t.provenance().fallback()).startsWith("token budget exhausted");
        });
        int callsAtCap = model.requests.size();
        llambo.propose(new StudySnapshot(STUDY, trials), 1);
        assertThat(model.requests).hasSize(callsAtCap);
        long spent = trials.stream().map(Trial::provenance).mapToLong(p -> p.inputTokens() + p.outputTokens()).sum();
        assertThat(spent).isGreaterThanOrEqualTo(20_000L);
    }

    @Test
    void theStudyCostCapHandsOverToTheGpOnceTheEstimatedDollarsAreSpent() {
        FakeChatModel model = FakeChatModel.llambo();
        LlmSettings priced = LlmSettings.defaults(Deps.MODEL).withPrices(new Prices(2.0, 8.0, "test"));
        Proposer llambo = LlmProposers.create("llm-sampler", Deps.of(model, priced, new StudyBudget(null, 0.01),
                Deps.CARD)).orElseThrow();
        List<Trial> trials = MiniLoop.run(llambo, STUDY, 14, MiniLoop::accuracy);
        double spent = trials.stream().mapToDouble(t -> t.provenance().costUsd()).sum();
        assertThat(spent).isGreaterThanOrEqualTo(0.01);
        Trial last = trials.get(trials.size() - 1);
        assertThat(last.provenance().proposer()).isEqualTo("gp");
        assertThat(last.provenance().fallback()).startsWith("cost budget exhausted ($0.01");
        assertThat(last.provenance().costUsd()).isZero();
    }

    static Proposer failing(String name, RuntimeException e) {
        return new Proposer() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<Proposal> propose(StudySnapshot snapshot, int n) {
                throw e;
            }
        };
    }

    @Test
    void whenEveryProposerFailsRandomPointsStillComeWithTheWholeStory() {
        FallbackChain chain = new FallbackChain(
                failing("llambo", new ProposalFailure("model error: down", null, 3, null)),
                List.of(failing("gp", new IllegalStateException("Cholesky failed")),
                        failing("sobol", new UnsupportedOperationException("no sobol today"))));
        List<Proposal> out = chain.propose(new StudySnapshot(STUDY, HISTORY), 3);
        assertThat(out).hasSize(3).extracting(Proposal::provenance).extracting(Provenance::proposer).containsOnly("random");
        assertThat(out.get(0).provenance().fallback())
                .isEqualTo("model error: down; gp failed: IllegalStateException: Cholesky failed; "
                        + "sobol failed: UnsupportedOperationException: no sobol today");
        assertThat(out).allSatisfy(p -> assertThat(HISTORY).noneMatch(t -> MiniLoop.SPACE.sameConfig(t.params(), p.params())));
    }

    @Test
    void aFailingGpRunsInsideTheSameChainAndSobolAnswers() {
        Proposer gp = FallbackChain.around(failing("gp", new IllegalStateException("not positive definite")));
        Proposal p = gp.propose(new StudySnapshot(STUDY, HISTORY), 1).get(0);
        assertThat(p.provenance().proposer()).isEqualTo("sobol");
        assertThat(p.provenance().fallback()).isEqualTo("gp failed: IllegalStateException: not positive definite");
    }

    @Test
    void aProposalOutsideTheSpaceIsAFailureNotATrial() {
        Proposer bad = new HaltonProposer("gp", 0) {
            @Override
            public List<Proposal> propose(StudySnapshot snapshot, int n) {
                return List.of(new Proposal(java.util.Map.of("lr", 5.0, "dropout", 0.1, "depth", 3L,
                        "criterion", "gini"), Provenance.of("gp", 1)));
            }
        };
        Proposal p = FallbackChain.around(bad).propose(new StudySnapshot(STUDY, HISTORY), 1).get(0);
        assertThat(p.provenance().proposer()).isEqualTo("sobol");
        assertThat(p.provenance().fallback()).startsWith("gp failed: IllegalStateException: it proposed a configuration"
                + " outside the space");
    }

    @Test
    void anExhaustedSpaceIsAnEmptyAnswerNotAnError() {
        var tiny = dev.tuneagent.core.space.SearchSpace.of(new dev.tuneagent.core.space.CategoricalParam("c",
                List.of("a", "b")));
        StudyDefinition def = new StudyDefinition("tiny", tiny, dev.tuneagent.core.study.Direction.MAXIMIZE, "m", 1,
                5, "{}", java.time.Instant.EPOCH);
        List<Trial> both = List.of(
                MiniLoop.complete(0, new Proposal(java.util.Map.of("c", "a"), Provenance.of("gp", 1)), 1.0),
                MiniLoop.complete(1, new Proposal(java.util.Map.of("c", "b"), Provenance.of("gp", 1)), 2.0));
        Proposer gp = ProposerFactory.classical().create("gp", null);
        assertThat(gp.propose(new StudySnapshot(def, both), 1)).isEmpty();
        assertThat(gp.propose(new StudySnapshot(def, both.subList(0, 1)), 1)).singleElement()
                .satisfies(p -> assertThat(p.params()).containsEntry("c", "b"));
    }

    @Test
    void aCassetteMissIsNeverPaperedOverByAFallback() {
        Proposer replaying = LlmProposers.create("llambo", Deps.of(new FakeChatModel(r -> {
            throw new CassetteMiss("cassette replay: no recording in /tmp/c has this method, path and body");
        }))).orElseThrow();
        assertThatThrownBy(() -> replaying.propose(new StudySnapshot(STUDY, HISTORY), 1))
                .isInstanceOf(CassetteMiss.class).hasMessageContaining("/tmp/c");
        assertThatThrownBy(() -> replaying.initialDesign(new StudySnapshot(STUDY, List.of())))
                .isInstanceOf(CassetteMiss.class);
    }
}
