package dev.tuneagent.core.store.postgres;

import dev.tuneagent.core.services.RealServices;
import dev.tuneagent.core.store.StorageLocation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The real PostgreSQL of {@link RealServices}: every test gets a schema of its own (dropped afterwards), so
 * tests are independent and may run against a database other runs use too.
 */
final class TestDatabase implements AutoCloseable {
    final StorageLocation.Postgres server;
    final String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

    TestDatabase() {
        server = (StorageLocation.Postgres) StorageLocation.parse(RealServices.postgresUrl(), Path.of(""),
                Path.of("/nonexistent-home"), Map.of());
    }

    /** The server with this test's schema. */
    StorageLocation.Postgres location() {
        return with(schema, server.password(), server.database());
    }

    StorageLocation.Postgres with(String schema, String password, String database) {
        return new StorageLocation.Postgres(server.host(), server.port(), database, server.user(), password, schema,
                new HashMap<>(server.options()));
    }

    Connection admin() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
    }

    void sql(String... statements) throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
}
