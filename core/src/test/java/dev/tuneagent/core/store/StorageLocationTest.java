package dev.tuneagent.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.store.sqlite.SqliteStudyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageLocationTest {
    static final Path CWD = Path.of("/work/project");
    static final Path HOME = Path.of("/home/ada");

    static StorageLocation parse(String uri, Map<String, String> env) {
        return StorageLocation.parse(uri, CWD, HOME, env);
    }

    @Test
    void aRelativeSqlitePathResolvesAgainstTheWorkingDirectory() {
        assertThat(parse("sqlite:runs/../tune.db", Map.of())).isEqualTo(new StorageLocation.Sqlite(CWD.resolve("tune.db")));
    }

    @Test
    void anAbsoluteSqlitePathIsKeptAndATildeMeansHome() {
        assertThat(parse("sqlite:/data/t.db", Map.of())).isEqualTo(new StorageLocation.Sqlite(Path.of("/data/t.db")));
        assertThat(parse("sqlite:~/studies/t.db", Map.of()))
                .isEqualTo(new StorageLocation.Sqlite(HOME.resolve("studies/t.db")));
        assertThat(parse("sqlite:~/studies/t.db", Map.of()).uri()).isEqualTo("sqlite:/home/ada/studies/t.db");
    }

    @Test
    void memoryNamesTheInMemoryStore() {
        assertThat(parse("memory:", Map.of())).isEqualTo(new StorageLocation.Memory());
        assertThat(parse("memory:", Map.of()).uri()).isEqualTo("memory:");
    }

    @Test
    void withoutAValueTheEnvironmentVariableWinsOverTheHomeDefault() {
        assertThat(parse(null, Map.of("TUNE_STORAGE", "sqlite:shared.db")))
                .isEqualTo(new StorageLocation.Sqlite(CWD.resolve("shared.db")));
        assertThat(parse("  ", Map.of())).isEqualTo(new StorageLocation.Sqlite(HOME.resolve(".tune/tune.db")));
        assertThat(parse("memory:", Map.of("TUNE_STORAGE", "sqlite:shared.db"))).isEqualTo(new StorageLocation.Memory());
    }

    @Test
    void aBadValueNamesTheOptionTheValueAndTheAcceptedForms() {
        assertThatThrownBy(() -> parse("mysql://db/tune", Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("--storage").hasMessageContaining("\"mysql://db/tune\"")
                .hasMessageContaining("sqlite:PATH").hasMessageContaining("postgresql://").hasMessageContaining("memory:");
        assertThatThrownBy(() -> parse("sqlite:", Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("--storage").hasMessageContaining("needs a file path");
    }

    @Test
    void aBadEnvironmentValueNamesTheVariable() {
        assertThatThrownBy(() -> parse(null, Map.of("TUNE_STORAGE", "tune.db"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("TUNE_STORAGE").hasMessageContaining("\"tune.db\"");
    }

    @Test
    void openingASqliteLocationCreatesTheFileAndItsDirectories(@TempDir Path dir) {
        Path file = dir.resolve("a/b/tune.db");
        try (StudyStore store = StudyStores.open("sqlite:" + file)) {
            assertThat(store).isInstanceOf(SqliteStudyStore.class);
            assertThat(store.location()).isEqualTo("sqlite:" + file);
        }
        assertThat(Files.isRegularFile(file)).isTrue();
        try (StudyStore store = StudyStores.open("memory:")) {
            assertThat(store).isInstanceOf(InMemoryStudyStore.class);
        }
    }
}
