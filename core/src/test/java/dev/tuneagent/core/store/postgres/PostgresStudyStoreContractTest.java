package dev.tuneagent.core.store.postgres;

import dev.tuneagent.core.services.PostgresSkip;
import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.store.StudyStoreContract;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.PropagationMode;
import org.junit.jupiter.api.AfterEach;

/**
 * The whole contract on the real PostgreSQL ({@code TUNE_TEST_POSTGRES_URL}), each test in a fresh schema,
 * with a second {@link PostgresStudyStore} (its own pool) as the other writer.
 */
@AddLifecycleHook(value = PostgresSkip.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
class PostgresStudyStoreContractTest extends StudyStoreContract {
    private TestDatabase db;
    /** The random-history property's stores: one schema per try directory, so a reopened store sees its data. */
    private final Map<Path, TestDatabase> byDir = new LinkedHashMap<>();

    @Override
    protected StudyStore newStore() {
        db = new TestDatabase();
        return new PostgresStudyStore(db.location());
    }

    @Override
    protected StudyStore secondHandle() {
        return new PostgresStudyStore(db.location());
    }

    @Override
    public boolean agesOnServerClock() {
        return true;
    }

    @Override
    public void forgetLease(String study, int number) {
        try {
            db.sql("UPDATE " + db.schema + ".trials SET owner = NULL, heartbeat_at = NULL WHERE number = " + number
                    + " AND study_id = (SELECT id FROM " + db.schema + ".studies WHERE name = '" + study + "')");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected StudyStore newStoreIn(Path dir) {
        TestDatabase d = byDir.computeIfAbsent(dir, x -> new TestDatabase());
        return new PostgresStudyStore(d.location());
    }

    @AfterProperty
    void dropPropertySchemas() throws Exception {
        for (TestDatabase d : byDir.values()) {
            d.close();
        }
        byDir.clear();
    }

    @AfterEach
    void dropSchema() throws Exception {
        if (db != null) {
            store.close();
            db.close();
        }
    }
}
