package org.credence.app.achievement;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An achievement in a list: its id, current version and that version's name. */
public record AchievementSummary(UUID id, int currentVersion, String name, Instant updatedAt) {

    public AchievementSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
