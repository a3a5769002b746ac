package org.credence.app.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.credence.app.audit.AuditEvent;
import org.credence.app.audit.AuditStore;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The one set of migrations on both engines, and a first store through them. */
class MigrationsTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.credence.testing.db.TestDatabases#engines")
    void should_migrate_and_round_trip_audit_events_when_the_engine_is_postgresql_or_h2(
            TestDatabase testDatabase) {
        // GIVEN
        try (Database database = Database.open(settings(testDatabase))) {
            UUID organisation = UUID.randomUUID();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            AuditStore audit = new AuditStore();

            // WHEN
            List<AuditEvent> events =
                    database.jdbi()
                            .inTransaction(
                                    handle -> {
                                        handle.createUpdate(
                                                        "INSERT INTO organisations (id, slug, name,"
                                                                + " created_at) VALUES (:id,"
                                                                + " 'riverside', 'Riverside — 河畔"
                                                                + " — ريفرسايد', :now)")
                                                .bind("id", organisation)
                                                .bind("now", now)
                                                .execute();
                                        audit.append(
                                                handle,
                                                organisation,
                                                now,
                                                "owner@riverside.example",
                                                "credential.issued",
                                                "urn:uuid:1",
                                                "<script>alert(1)</script>");
                                        return audit.list(handle, organisation, 0, 10);
                                    });

            // THEN
            assertThat(database.isPostgres())
                    .isEqualTo(testDatabase.engine() == org.credence.testing.db.Engine.POSTGRESQL);
            assertThat(events)
                    .singleElement()
                    .satisfies(
                            event -> {
                                assertThat(event.occurredAt()).isEqualTo(now);
                                assertThat(event.detail()).isEqualTo("<script>alert(1)</script>");
                            });
        }
    }

    static DatabaseSettings settings(TestDatabase database) {
        return new DatabaseSettings(database.jdbcUrl(), database.user(), database.password(), 4);
    }
}
