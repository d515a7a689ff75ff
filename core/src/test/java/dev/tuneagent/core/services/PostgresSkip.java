package dev.tuneagent.core.services;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * {@link RealServices}' rule for jqwik properties, which do not see JUnit's assumptions as a skip (every try
 * becomes a rejection and the property fails as exhausted): without {@code TUNE_TEST_POSTGRES_URL} a local run
 * skips the property and says why; on CI it runs, and fails on the missing server.
 */
public final class PostgresSkip implements SkipExecutionHook {
    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        String url = System.getenv(RealServices.POSTGRES_ENV);
        if ((url == null || url.isBlank()) && !"true".equalsIgnoreCase(System.getenv("CI"))) {
            return SkipResult.skip(RealServices.POSTGRES_ENV + " is not set: run ../shared/services/start-postgres.sh"
                    + " and export it (.ci/run does both)");
        }
        return SkipResult.doNotSkip();
    }
}
