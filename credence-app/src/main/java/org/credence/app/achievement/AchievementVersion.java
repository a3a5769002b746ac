package org.credence.app.achievement;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One immutable version of an achievement: its design and its alignments as saved.
 *
 * @param achievementId the achievement
 * @param organisationId whose it is
 * @param version 1, 2, … in order of edits
 * @param design what was entered
 * @param alignments the aligned skills, as they were when the version was saved
 * @param createdAt when the version was saved
 * @param createdBy who saved it (the actor's name)
 */
public record AchievementVersion(
        UUID achievementId,
        UUID organisationId,
        int version,
        AchievementDraft design,
        List<SkillAlignment> alignments,
        Instant createdAt,
        String createdBy) {

    public AchievementVersion {
        Objects.requireNonNull(achievementId, "achievementId");
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(design, "design");
        alignments = List.copyOf(alignments);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
    }

    /** The criteria narrative as safe HTML for pages ({@link CriteriaMarkdown}). */
    public String criteriaHtml() {
        return CriteriaMarkdown.toHtml(design.criteriaNarrative());
    }
}
