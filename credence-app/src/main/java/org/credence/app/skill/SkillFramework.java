package org.credence.app.skill;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An imported skill framework of one organisation. */
public record SkillFramework(
        UUID id,
        UUID organisationId,
        String name,
        SkillSource source,
        String version,
        Instant createdAt) {

    public SkillFramework {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
