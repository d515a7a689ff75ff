package dev.tuneagent.agent.loop;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.Seeds;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.tools.job.JobLauncher;
import dev.tuneagent.tools.job.JobRequest;
import dev.tuneagent.tools.job.JobResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Hand-written fakes for the loop tests: a scripted launcher and simple proposers. */
final class FakeJobs {
    static final SearchSpace SPACE = SearchSpace.of(new FloatParam("x", -5, 5, false));

    private FakeJobs() {
    }

    /** Evaluates (x - 1)^2 unless the script says otherwise for a trial number. */
    static final class ScriptedLauncher implements JobLauncher {
        final List<JobRequest> requests = new ArrayList<>();
        Function<JobRequest, CompletableFuture<JobResult>> script = r -> null;

        @Override
        public CompletableFuture<JobResult> launch(JobRequest request) {
            requests.add(request);
            CompletableFuture<JobResult> scripted = script.apply(request);
            if (scripted != null) {
                return scripted;
            }
            double x = ((Number) request.params().get("x")).doubleValue();
            return CompletableFuture.completedFuture(
                    new JobResult.Succeeded(Map.of("loss", (x - 1) * (x - 1), "other", 1.0), Duration.ZERO));
        }
    }

    /** A deterministic point per snapshot, from its proposal seed. */
    static Proposer seeded(String name) {
        return new Proposer() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<Proposal> propose(StudySnapshot s, int n) {
                double u = Seeds.rng(s.proposalSeed()).nextDouble();
                return List.of(new Proposal(s.space().decode(new double[] {u}), Provenance.of(name, s.proposalSeed())));
            }
        };
    }

    static Proposer throwing(RuntimeException e) {
        return new Proposer() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public List<Proposal> propose(StudySnapshot s, int n) {
                throw e;
            }
        };
    }

    static Proposer outOfSpace() {
        return new Proposer() {
            @Override
            public String name() {
                return "wild";
            }

            @Override
            public List<Proposal> propose(StudySnapshot s, int n) {
                return List.of(new Proposal(Map.of("x", 99.0), Provenance.of("wild", 1)));
            }
        };
    }
}
