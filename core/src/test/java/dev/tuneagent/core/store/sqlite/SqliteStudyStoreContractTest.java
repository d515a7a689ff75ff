package dev.tuneagent.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.store.StudyStoreContract;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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

    /** What a RUNNING row written before schema v3 looks like: no owner, no heartbeat. */
    @Override
    public void forgetLease(String study, int number) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("studies.db"));
             PreparedStatement ps = c.prepareStatement("UPDATE trials SET owner = NULL, heartbeat_at = NULL "
                     + "WHERE number = ? AND study_id = (SELECT id FROM studies WHERE name = ?)")) {
            ps.setInt(1, number);
            ps.setString(2, study);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
