package dev.tuneagent.core.store.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.services.RealServices;
import dev.tuneagent.core.store.InMemoryStudyStore;
import dev.tuneagent.core.store.StorageLocation;
import dev.tuneagent.core.store.StudyStores;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the benchmark's bookkeeping, never its timings (those are printed by the command). */
class StoreBenchmarkTest {

    @Test
    void aRunLeavesOneFinishedTrialPerRoundAndOrderedStatistics() {
        try (var store = new InMemoryStudyStore()) {
            StoreBenchmark.Result r = StoreBenchmark.run(store, 25);
            assertThat(r.trials()).isEqualTo(25);
            assertThat(r.store()).isEqualTo("memory:");
            assertThat(r.medianMicros()).isLessThanOrEqualTo(r.p95Micros());
            assertThat(r.p95Micros()).isLessThanOrEqualTo(r.maxMicros());
            var summary = store.listStudies().get(0);
            assertThat(summary.finished()).isEqualTo(25);
            assertThat(store.trials(summary.definition().name())).allMatch(t -> t.isComplete());
        }
    }

    @Test
    void theTableHasAHeaderAndOneRowPerStore() {
        var rows = List.of(new StoreBenchmark.Result("sqlite", 10, 1.5, 2.5, 3.0, 40.0),
                new StoreBenchmark.Result("memory", 10, 0.5, 0.75, 1.0, 4.0));
        String table = StoreBenchmark.table(rows);
        assertThat(table.lines().toList()).hasSize(4);
        assertThat(table).contains("median µs").contains("p95 µs").contains("sqlite").contains("memory");
        assertThat(rows.get(0).toTable()).contains("1.5").contains("2.5");
    }

    @Test
    void aPostgresqlServerIsTimedInTheBenchSchemaNotAmongTheUsersStudies() {
        var server = (StorageLocation.Postgres) StorageLocation.parse(RealServices.postgresUrl());
        var results = StoreBenchmark.runAll(5, List.of(server));
        assertThat(results).extracting(StoreBenchmark.Result::store).hasSize(3)
                .last().asString().startsWith("postgresql://").endsWith("?schema=" + StoreBenchmark.BENCH_SCHEMA)
                .doesNotContain(":" + server.password() + "@");
        var bench = new StorageLocation.Postgres(server.host(), server.port(), server.database(), server.user(),
                server.password(), StoreBenchmark.BENCH_SCHEMA, server.options());
        try (var store = StudyStores.open(bench)) {
            assertThat(store.listStudies()).anyMatch(s -> s.finished() == 5);
        }
    }

    @Test
    void fewerThanOneTrialIsRefusedNamingTheOption() {
        try (var store = new InMemoryStudyStore()) {
            assertThatThrownBy(() -> StoreBenchmark.run(store, 0)).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("--trials").hasMessageContaining("at least 1");
        }
    }
}
