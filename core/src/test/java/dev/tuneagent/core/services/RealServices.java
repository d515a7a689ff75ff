package dev.tuneagent.core.services;

import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the tests find the real PostgreSQL and Slurm that {@code .ci/run} starts
 * ({@code ../shared/services/start-postgres.sh}, {@code start-slurm.sh}). Without the variable a local run
 * skips those tests and says why; on CI ({@code CI=true}) a missing variable fails them, so CI can never
 * pass by silently skipping the real services. Shipped in the core test-jar.
 */
public final class RealServices {
    /** e.g. {@code postgresql://tune:tune@127.0.0.1:55432/tune}. */
    public static final String POSTGRES_ENV = "TUNE_TEST_POSTGRES_URL";
    /** {@code 1} when sbatch/squeue/scontrol/scancel reach a cluster with a partition {@code debug}. */
    public static final String SLURM_ENV = "TUNE_TEST_SLURM";

    private RealServices() {
    }

    /** The PostgreSQL URL, or the test is skipped (locally) or failed (on CI). */
    public static String postgresUrl() {
        return required(System.getenv(), POSTGRES_ENV, "start-postgres.sh",
                "postgresql://tune:tune@127.0.0.1:55432/tune");
    }

    /** Returns normally when a Slurm cluster is there; otherwise skips (locally) or fails (on CI). */
    public static void requireSlurm() {
        required(System.getenv(), SLURM_ENV, "start-slurm.sh", "1");
    }

    static String required(Map<String, String> env, String name, String script, String example) {
        String value = env.get(name);
        if (value != null && !value.isBlank()) {
            return value.trim();
        }
        String why = name + " is not set: run ../shared/services/" + script + " and export " + name + "=" + example
                + " (.ci/run does both)";
        if ("true".equalsIgnoreCase(env.get("CI"))) {
            throw new AssertionError("CI=true but " + why + "; tests against the real service must not be skipped on CI");
        }
        System.err.println("SKIPPED (real service missing): " + why);
        Assumptions.abort(why);
        return null;
    }
}
