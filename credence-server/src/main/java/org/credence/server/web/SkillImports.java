package org.credence.server.web;

import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.credence.app.AppException;
import org.credence.app.skill.ColumnMapping;
import org.credence.app.skill.FrameworkImport;
import org.credence.app.skill.SkillSource;

/**
 * Reads a skill framework import request from named fields (a form or query parameters): {@code
 * name}, {@code version}, {@code source} (esco, onet, custom) and the column mapping {@code
 * codeColumn}, {@code nameColumn}, {@code descriptionColumn}, {@code urlColumn}. A blank column
 * takes the source's standard one; {@code -} says the file has no such (optional) column.
 */
public final class SkillImports {

    /** Says that an optional column is absent. */
    public static final String NONE = "-";

    private SkillImports() {}

    /**
     * @param field the value of a field, empty when absent
     */
    public static FrameworkImport request(UnaryOperator<String> field) {
        SkillSource source = source(field.apply("source"));
        ColumnMapping preset = ColumnMapping.of(source);
        String code = required("codeColumn", field.apply("codeColumn"), preset.code());
        String name = required("nameColumn", field.apply("nameColumn"), preset.name());
        ColumnMapping mapping =
                new ColumnMapping(
                        code,
                        name,
                        optional(field.apply("descriptionColumn"), preset.description()),
                        optional(field.apply("urlColumn"), preset.url()));
        return new FrameworkImport(field.apply("name"), source, field.apply("version"), mapping);
    }

    static SkillSource source(String value) {
        String text = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        for (SkillSource source : SkillSource.values()) {
            if (source.value().equals(text)) {
                return source;
            }
        }
        throw AppException.invalid("source: must be esco, onet or custom");
    }

    private static String required(String field, String value, String preset) {
        String text = value == null ? "" : value.strip();
        if (text.equals(NONE)) {
            throw AppException.invalid(field + ": this column is required");
        }
        return text.isEmpty() ? preset : text;
    }

    private static Optional<String> optional(String value, Optional<String> preset) {
        String text = value == null ? "" : value.strip();
        if (text.equals(NONE)) {
            return Optional.empty();
        }
        return text.isEmpty() ? preset : Optional.of(text);
    }
}
