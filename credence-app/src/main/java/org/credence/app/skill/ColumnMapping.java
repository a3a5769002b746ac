package org.credence.app.skill;

import java.util.Objects;
import java.util.Optional;

/**
 * Which CSV columns (by header name) hold a skill's code, name, description and URL.
 *
 * @param code the column of the skill's code (unique within the file)
 * @param name the column of its name
 * @param description the column of its description, if any
 * @param url the column of its URL, if any (ESCO's concept URI is both code and URL)
 */
public record ColumnMapping(
        String code, String name, Optional<String> description, Optional<String> url) {

    /** ESCO's skills export: {@code conceptUri,preferredLabel,description}. */
    public static final ColumnMapping ESCO =
            new ColumnMapping(
                    "conceptUri",
                    "preferredLabel",
                    Optional.of("description"),
                    Optional.of("conceptUri"));

    /** O*NET's occupation data: {@code O*NET-SOC Code,Title,Description}. */
    public static final ColumnMapping ONET =
            new ColumnMapping(
                    "O*NET-SOC Code", "Title", Optional.of("Description"), Optional.empty());

    /** Credence's own template: {@code code,name,description,url}. */
    public static final ColumnMapping CUSTOM =
            new ColumnMapping("code", "name", Optional.of("description"), Optional.of("url"));

    public ColumnMapping {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(url, "url");
    }

    /** The preset for a source. */
    public static ColumnMapping of(SkillSource source) {
        return switch (source) {
            case ESCO -> ESCO;
            case ONET -> ONET;
            case CUSTOM -> CUSTOM;
        };
    }
}
