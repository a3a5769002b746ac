package org.credence.app.skill;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A skill of an imported framework. Text is kept exactly as imported (a name such as {@code =cmd|…}
 * stays text: nothing here evaluates it; exports must neutralise it for spreadsheets).
 *
 * @param frameworkName the framework's name, e.g. for an alignment's {@code targetFramework}
 */
public record Skill(
        UUID id,
        UUID frameworkId,
        String frameworkName,
        String code,
        String name,
        Optional<String> description,
        Optional<String> url) {

    public Skill {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(frameworkId, "frameworkId");
        Objects.requireNonNull(frameworkName, "frameworkName");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(url, "url");
    }
}
