package org.credence.app.achievement;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.status.StatusPolicy;
import org.credence.core.json.Jsons;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * SQL for achievements, their versions and alignments. Methods run on the caller's handle; every
 * query is filtered by organisation. Reads the skill tables to copy alignment targets. Stateless
 * and thread-safe.
 */
final class AchievementStore {

    void insertAchievement(Handle handle, UUID id, UUID organisationId, Instant now) {
        handle.createUpdate(
                        """
                        INSERT INTO achievements (id, organisation_id, current_version, created_at, updated_at)
                        VALUES (:id, :organisation, 1, :now, :now)
                        """)
                .bind("id", id)
                .bind("organisation", organisationId)
                .bind("now", now)
                .execute();
    }

    /**
     * Moves the current version from {@code base} to {@code base + 1}; false if it was not {@code
     * base}.
     */
    boolean advance(Handle handle, UUID organisationId, UUID id, int base, Instant now) {
        return handle.createUpdate(
                                """
                                UPDATE achievements SET current_version = :next, updated_at = :now
                                WHERE id = :id AND organisation_id = :organisation
                                  AND current_version = :base
                                """)
                        .bind("id", id)
                        .bind("organisation", organisationId)
                        .bind("base", base)
                        .bind("next", base + 1)
                        .bind("now", now)
                        .execute()
                == 1;
    }

    Optional<Integer> currentVersion(Handle handle, UUID organisationId, UUID id) {
        return handle.createQuery(
                        """
                        SELECT current_version FROM achievements
                        WHERE id = :id AND organisation_id = :organisation
                        """)
                .bind("id", id)
                .bind("organisation", organisationId)
                .mapTo(Integer.class)
                .findOne();
    }

    void insertVersion(Handle handle, AchievementVersion version) {
        AchievementDraft design = version.design();
        handle.createUpdate(
                        """
                        INSERT INTO achievement_versions (achievement_id, version, name, description,
                            criteria_narrative, effort_hours, achievement_type, credits_available,
                            level, field_of_study, tags, language, image, validity_months,
                            status_policy, created_at, created_by)
                        VALUES (:achievement, :version, :name, :description, :criteria, :hours,
                            :type, :credits, :level, :field, :tags, :language, :image, :months,
                            :statusPolicy, :created, :createdBy)
                        """)
                .bind("achievement", version.achievementId())
                .bind("version", version.version())
                .bind("name", design.name())
                .bind("description", design.description())
                .bind("criteria", design.criteriaNarrative())
                .bind("hours", design.effortHours().orElse(null))
                .bind("type", design.achievementType())
                .bind("credits", design.creditsAvailable().orElse(null))
                .bind("level", design.level().orElse(null))
                .bind("field", design.fieldOfStudy().orElse(null))
                .bind("tags", tagsJson(design.tags()))
                .bind("language", design.language().orElse(null))
                .bind("image", design.image().orElse(null))
                .bind("months", design.validity().monthsAfterIssue().orElse(null))
                .bind("statusPolicy", design.statusPolicy().value())
                .bind("created", version.createdAt())
                .bind("createdBy", version.createdBy())
                .execute();
        insertAlignments(handle, version);
    }

    private void insertAlignments(Handle handle, AchievementVersion version) {
        if (version.alignments().isEmpty()) {
            return;
        }
        PreparedBatch batch =
                handle.prepareBatch(
                        """
                        INSERT INTO achievement_alignments (achievement_id, version, position,
                            skill_id, target_name, target_url, target_framework, target_code,
                            target_description)
                        VALUES (:achievement, :version, :position, :skill, :name, :url,
                            :framework, :code, :description)
                        """);
        int position = 0;
        for (SkillAlignment alignment : version.alignments()) {
            batch.bind("achievement", version.achievementId())
                    .bind("version", version.version())
                    .bind("position", position++)
                    .bind("skill", alignment.skillId())
                    .bind("name", alignment.targetName())
                    .bind("url", alignment.targetUrl())
                    .bind("framework", alignment.targetFramework())
                    .bind("code", alignment.targetCode())
                    .bind("description", alignment.targetDescription().orElse(null))
                    .add();
        }
        batch.execute();
    }

    Optional<AchievementVersion> findVersion(
            Handle handle, UUID organisationId, UUID id, int version) {
        List<SkillAlignment> alignments = alignments(handle, id, version);
        return handle.createQuery(
                        """
                        SELECT a.organisation_id, v.*
                        FROM achievements a
                        JOIN achievement_versions v ON v.achievement_id = a.id
                        WHERE a.id = :id AND a.organisation_id = :organisation
                          AND v.version = :version
                        """)
                .bind("id", id)
                .bind("organisation", organisationId)
                .bind("version", version)
                .map((row, context) -> version(row, alignments))
                .findOne();
    }

    List<AchievementSummary> list(Handle handle, UUID organisationId) {
        return handle.createQuery(
                        """
                        SELECT a.id, a.current_version, v.name, a.updated_at
                        FROM achievements a
                        JOIN achievement_versions v
                          ON v.achievement_id = a.id AND v.version = a.current_version
                        WHERE a.organisation_id = :organisation
                        ORDER BY v.name, a.id
                        """)
                .bind("organisation", organisationId)
                .map(
                        (row, context) ->
                                new AchievementSummary(
                                        row.getObject("id", UUID.class),
                                        row.getInt("current_version"),
                                        row.getString("name"),
                                        instant(row, "updated_at")))
                .list();
    }

    /**
     * The alignment targets of the organisation's skills among {@code skillIds}, unordered; ids of
     * unknown or other organisations' skills are simply absent. {@code fallbackUrl} prefixes the
     * skill id when a skill has no URL.
     */
    List<SkillAlignment> alignmentTargets(
            Handle handle, UUID organisationId, Collection<UUID> skillIds, String fallbackUrl) {
        if (skillIds.isEmpty()) {
            return List.of();
        }
        return handle.createQuery(
                        """
                        SELECT s.id, s.code, s.name, s.description, s.url, f.name AS framework_name
                        FROM skills s JOIN skill_frameworks f ON f.id = s.framework_id
                        WHERE s.organisation_id = :organisation AND s.id IN (<ids>)
                        """)
                .bind("organisation", organisationId)
                .bindList("ids", List.copyOf(skillIds))
                .map(
                        (row, context) -> {
                            UUID skillId = row.getObject("id", UUID.class);
                            String url = row.getString("url");
                            return new SkillAlignment(
                                    skillId,
                                    row.getString("name"),
                                    url != null ? url : fallbackUrl + skillId,
                                    row.getString("framework_name"),
                                    row.getString("code"),
                                    Optional.ofNullable(row.getString("description")));
                        })
                .list();
    }

    private List<SkillAlignment> alignments(Handle handle, UUID id, int version) {
        return handle.createQuery(
                        """
                        SELECT skill_id, target_name, target_url, target_framework, target_code,
                               target_description
                        FROM achievement_alignments
                        WHERE achievement_id = :id AND version = :version
                        ORDER BY position
                        """)
                .bind("id", id)
                .bind("version", version)
                .map(
                        (row, context) ->
                                new SkillAlignment(
                                        row.getObject("skill_id", UUID.class),
                                        row.getString("target_name"),
                                        row.getString("target_url"),
                                        row.getString("target_framework"),
                                        row.getString("target_code"),
                                        Optional.ofNullable(row.getString("target_description"))))
                .list();
    }

    private static AchievementVersion version(ResultSet row, List<SkillAlignment> alignments)
            throws SQLException {
        Integer months = row.getObject("validity_months", Integer.class);
        AchievementDraft design =
                new AchievementDraft(
                        row.getString("name"),
                        row.getString("description"),
                        row.getString("criteria_narrative"),
                        row.getString("achievement_type"),
                        Optional.ofNullable(row.getBigDecimal("effort_hours")),
                        Optional.ofNullable(row.getBigDecimal("credits_available")),
                        Optional.ofNullable(row.getString("level")),
                        Optional.ofNullable(row.getString("field_of_study")),
                        tags(row.getString("tags")),
                        Optional.ofNullable(row.getString("language")),
                        Optional.ofNullable(row.getString("image")),
                        new ValidityPolicy(Optional.ofNullable(months)),
                        StatusPolicy.parse("statusPolicy", row.getString("status_policy")),
                        alignments.stream().map(SkillAlignment::skillId).toList());
        return new AchievementVersion(
                row.getObject("achievement_id", UUID.class),
                row.getObject("organisation_id", UUID.class),
                row.getInt("version"),
                design,
                alignments,
                instant(row, "created_at"),
                row.getString("created_by"));
    }

    private static String tagsJson(List<String> tags) {
        JsonArrayBuilder array = Jsons.PROVIDER.createArrayBuilder();
        tags.forEach(array::add);
        return array.build().toString();
    }

    private static List<String> tags(String json) {
        try (var reader = Jsons.PROVIDER.createReader(new StringReader(json))) {
            return reader.readArray().getValuesAs(JsonString::getString);
        }
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
