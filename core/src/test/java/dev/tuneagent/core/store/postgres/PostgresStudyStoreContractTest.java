package dev.tuneagent.core.store.postgres;

import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.store.StudyStoreContract;
import org.junit.jupiter.api.AfterEach;

/**
 * The whole contract on the real PostgreSQL ({@code TUNE_TEST_POSTGRES_URL}), each test in a fresh schema,
 * with a second {@link PostgresStudyStore} (its own pool) as the other writer.
 */
class PostgresStudyStoreContractTest extends StudyStoreContract {
    private TestDatabase db;

    @Override
    protected StudyStore newStore() {
        db = new TestDatabase();
        return new PostgresStudyStore(db.location());
    }

    @Override
    protected StudyStore secondHandle() {
        return new PostgresStudyStore(db.location());
    }

    @AfterEach
    void dropSchema() throws Exception {
        if (db != null) {
            store.close();
            db.close();
        }
    }
}
