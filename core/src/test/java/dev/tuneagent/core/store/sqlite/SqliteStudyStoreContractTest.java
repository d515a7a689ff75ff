package dev.tuneagent.core.store.sqlite;

import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.store.StudyStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The contract on a file, with a second {@link SqliteStudyStore} on the same file as the other writer. */
class SqliteStudyStoreContractTest extends StudyStoreContract {
    @TempDir
    Path dir;

    @Override
    protected StudyStore newStore() {
        return new SqliteStudyStore(dir.resolve("studies.db"));
    }

    @Override
    protected StudyStore newStoreIn(Path dir) {
        return new SqliteStudyStore(dir.resolve("studies.db"));
    }

    @Override
    protected StudyStore secondHandle() {
        return new SqliteStudyStore(dir.resolve("studies.db"));
    }
}
