package org.credence.app.issuer;

import java.time.Instant;
import java.util.UUID;
import org.credence.app.db.Database;
import org.credence.app.db.DatabaseSettings;
import org.credence.app.organization.Actor;
import org.credence.app.organization.Role;
import org.credence.testing.db.TestDatabase;

/** Test fixtures: a migrated database and organisations rows (the features' foreign keys). */
public final class TestOrganisations {

    private TestOrganisations() {}

    public static Database open(TestDatabase testDatabase) {
        return Database.open(
                new DatabaseSettings(
                        testDatabase.jdbcUrl(), testDatabase.user(), testDatabase.password(), 4));
    }

    /** Inserts an organisation and returns an actor of it with {@code role}. */
    public static Actor create(Database database, String slug, Role role) {
        UUID id = UUID.randomUUID();
        database.jdbi()
                .useHandle(
                        handle ->
                                handle.createUpdate(
                                                """
                                                INSERT INTO organisations (id, slug, name, created_at)
                                                VALUES (:id, :slug, :name, :now)
                                                """)
                                        .bind("id", id)
                                        .bind("slug", slug)
                                        .bind("name", slug + " college")
                                        .bind("now", Instant.parse("2026-01-01T00:00:00Z"))
                                        .execute());
        return new Actor(id, role.value() + "@" + slug + ".example", role);
    }

    /** Another member of the same organisation. */
    public static Actor as(Actor actor, Role role) {
        return new Actor(actor.organisationId(), role.value() + "@member.example", role);
    }
}
