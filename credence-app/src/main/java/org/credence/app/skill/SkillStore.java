package org.credence.app.skill;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * SQL for skill frameworks and skills. Methods run on the caller's handle; every query is filtered
 * by organisation. Stateless and thread-safe.
 */
final class SkillStore {

    private static final String SKILL_COLUMNS =
            "s.id, s.framework_id, f.name AS framework_name, s.code, s.name, s.description, s.url";

    void insertFramework(Handle handle, SkillFramework framework) {
        handle.createUpdate(
                        """
                        INSERT INTO skill_frameworks (id, organisation_id, name, source, version, created_at)
                        VALUES (:id, :organisation, :name, :source, :version, :created)
                        """)
                .bind("id", framework.id())
                .bind("organisation", framework.organisationId())
                .bind("name", framework.name())
                .bind("source", framework.source().value())
                .bind("version", framework.version())
                .bind("created", framework.createdAt())
                .execute();
    }

    boolean frameworkExists(Handle handle, UUID organisationId, String name, String version) {
        return handle.createQuery(
                                """
                        SELECT COUNT(*) FROM skill_frameworks
                        WHERE organisation_id = :organisation AND name = :name AND version = :version
                        """)
                        .bind("organisation", organisationId)
                        .bind("name", name)
                        .bind("version", version)
                        .mapTo(Integer.class)
                        .one()
                > 0;
    }

    void insertSkills(Handle handle, SkillFramework framework, List<SkillCsv.Row> rows) {
        PreparedBatch batch =
                handle.prepareBatch(
                        """
                        INSERT INTO skills (id, organisation_id, framework_id, code, name, description, url)
                        VALUES (:id, :organisation, :framework, :code, :name, :description, :url)
                        """);
        for (SkillCsv.Row row : rows) {
            batch.bind("id", UUID.randomUUID())
                    .bind("organisation", framework.organisationId())
                    .bind("framework", framework.id())
                    .bind("code", row.code())
                    .bind("name", row.name())
                    .bind("description", row.description().orElse(null))
                    .bind("url", row.url().orElse(null))
                    .add();
        }
        if (!rows.isEmpty()) {
            batch.execute();
        }
    }

    List<SkillFramework> frameworks(Handle handle, UUID organisationId) {
        return handle.createQuery(
                        """
                        SELECT id, organisation_id, name, source, version, created_at
                        FROM skill_frameworks WHERE organisation_id = :organisation
                        ORDER BY name, version
                        """)
                .bind("organisation", organisationId)
                .map(
                        (row, context) ->
                                new SkillFramework(
                                        row.getObject("id", UUID.class),
                                        row.getObject("organisation_id", UUID.class),
                                        row.getString("name"),
                                        SkillSource.fromValue(row.getString("source")),
                                        row.getString("version"),
                                        row.getObject("created_at", OffsetDateTime.class)
                                                .toInstant()))
                .list();
    }

    /** Skills whose code, name or description contains {@code text}, ignoring case. */
    List<Skill> search(Handle handle, UUID organisationId, String text, int limit) {
        return handle.createQuery(
                        "SELECT "
                                + SKILL_COLUMNS
                                + """
                                 FROM skills s JOIN skill_frameworks f ON f.id = s.framework_id
                                WHERE s.organisation_id = :organisation
                                  AND (LOWER(s.name) LIKE :pattern ESCAPE '!'
                                       OR LOWER(s.code) LIKE :pattern ESCAPE '!'
                                       OR LOWER(s.description) LIKE :pattern ESCAPE '!')
                                ORDER BY s.name, s.code
                                LIMIT :limit
                                """)
                .bind("organisation", organisationId)
                .bind("pattern", "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%")
                .bind("limit", limit)
                .map((row, context) -> skill(row))
                .list();
    }

    Optional<Skill> find(Handle handle, UUID organisationId, UUID skillId) {
        return handle.createQuery(
                        "SELECT "
                                + SKILL_COLUMNS
                                + """
                                 FROM skills s JOIN skill_frameworks f ON f.id = s.framework_id
                                WHERE s.organisation_id = :organisation AND s.id = :id
                                """)
                .bind("organisation", organisationId)
                .bind("id", skillId)
                .map((row, context) -> skill(row))
                .findOne();
    }

    static Skill skill(ResultSet row) throws SQLException {
        return new Skill(
                row.getObject("id", UUID.class),
                row.getObject("framework_id", UUID.class),
                row.getString("framework_name"),
                row.getString("code"),
                row.getString("name"),
                Optional.ofNullable(row.getString("description")),
                Optional.ofNullable(row.getString("url")));
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
