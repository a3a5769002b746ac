package org.credence.app.skill;

import java.util.Objects;
import org.credence.app.issuer.WebReferences;

/**
 * What to import: the framework's name, source and version, and how its CSV is laid out. Validated
 * on construction ({@link org.credence.app.Problem#INVALID_INPUT} naming the field).
 */
public record FrameworkImport(
        String name, SkillSource source, String version, ColumnMapping mapping) {

    public FrameworkImport {
        name = WebReferences.requireText("name", name, 200);
        Objects.requireNonNull(source, "source");
        version = WebReferences.requireText("version", version, 64);
        Objects.requireNonNull(mapping, "mapping");
    }

    /** An import with the source's preset column mapping. */
    public static FrameworkImport of(String name, SkillSource source, String version) {
        return new FrameworkImport(name, source, version, ColumnMapping.of(source));
    }
}
