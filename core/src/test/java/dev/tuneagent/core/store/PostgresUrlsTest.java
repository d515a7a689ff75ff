package dev.tuneagent.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.store.postgres.PostgresStudyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresUrlsTest {
    @TempDir
    Path home;

    StorageLocation.Postgres parse(String uri, Map<String, String> env) {
        return (StorageLocation.Postgres) StorageLocation.parse(uri, Path.of("/work"), home, env);
    }

    @Test
    void theUrlFormGivesEveryPartAndTheLocationNeverShowsThePassword() {
        var p = parse("postgresql://ada:s%40cret:x@db.example.org:6543/studies", Map.of());
        assertThat(p).isEqualTo(new StorageLocation.Postgres("db.example.org", 6543, "studies", "ada", "s@cret:x",
                "public", Map.of()));
        assertThat(p.uri()).isEqualTo("postgresql://ada@db.example.org:6543/studies");
        assertThat(p.toString()).doesNotContain("cret");
        assertThat(p.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.org:6543/studies");
    }

    @Test
    void theJdbcFormTakesUserAndPasswordFromItsOptionsAndKeepsDriverOptions() {
        var p = parse("jdbc:postgresql://127.0.0.1/tune?user=tune&password=pw&sslmode=require&schema=team_a",
                Map.of());
        assertThat(p).isEqualTo(new StorageLocation.Postgres("127.0.0.1", 5432, "tune", "tune", "pw", "team_a",
                Map.of("sslmode", "require")));
        assertThat(p.uri()).isEqualTo("postgresql://tune@127.0.0.1:5432/tune?schema=team_a");
        assertThat(p.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/tune?sslmode=require");
    }

    @Test
    void withoutAPasswordPgpasswordThenPgpassIsUsed() throws Exception {
        assertThat(parse("postgresql://ada@h/db", Map.of("PGPASSWORD", "env-pw")).password()).isEqualTo("env-pw");
        Path pgpass = home.resolve(".pgpass");
        Files.writeString(pgpass, "# comment\nother:5432:db:ada:no\nh:5432:*:ada:file\\:pw\n*:*:*:*:fallback\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        assertThat(parse("postgresql://ada@h/db", Map.of()).password()).isEqualTo("file:pw");
        assertThat(parse("postgresql://bob@h:7/db", Map.of()).password()).isEqualTo("fallback");
        assertThat(parse("postgresql://ada:url@h/db", Map.of("PGPASSWORD", "env")).password()).isEqualTo("url");
    }

    @Test
    void aPgpassFileOthersCanReadIsIgnoredLikeLibpqDoes() throws Exception {
        Path pgpass = home.resolve(".pgpass");
        Files.writeString(pgpass, "*:*:*:*:leaked\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(parse("postgresql://ada@h/db", Map.of()).password()).isNull();
    }

    @Test
    void theUserDefaultsToPguser() {
        assertThat(parse("postgres://h:1/db", Map.of("PGUSER", "pg-user")).user()).isEqualTo("pg-user");
    }

    @Test
    void badUrlsNameTheProblemWithoutThePassword() {
        assertThatThrownBy(() -> parse("postgresql://ada:topsecret@h:5432/", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--storage")
                .hasMessageContaining("database name is missing").hasMessageNotContaining("topsecret")
                .hasMessageContaining("ada:***@h");
        assertThatThrownBy(() -> parse("postgresql://ada:topsecret@h/db?sslmod=require", Map.of()))
                .hasMessageContaining("unknown: \"sslmod\"").hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> parse("jdbc:postgresql://h/db?password=topsecret&schema=Bad-Name", Map.of()))
                .hasMessageContaining("schema").hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> parse("postgresql://h:99999/db", Map.of())).hasMessageContaining("port");
        assertThatThrownBy(() -> StorageLocation.parse("mysql://u:topsecret@h/db", Path.of("/"), home, Map.of()))
                .hasMessageContaining("postgresql://USER:PASSWORD@HOST:PORT/DATABASE");
    }

    @Test
    void aServerThatIsNotThereSaysSoWithoutThePassword() {
        var down = new StorageLocation.Postgres("127.0.0.1", 1, "tune", "tune", "pw-not-shown", "public", Map.of());
        assertThatThrownBy(() -> new PostgresStudyStore(down)).isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot connect to PostgreSQL at 127.0.0.1:1")
                .hasMessageContaining("is the server running").hasMessageNotContaining("pw-not-shown");
    }
}
