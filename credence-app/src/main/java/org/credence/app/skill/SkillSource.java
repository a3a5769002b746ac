package org.credence.app.skill;

import java.util.Locale;

/** Where a skill framework comes from. */
public enum SkillSource {
    /** European Skills, Competences, Qualifications and Occupations. */
    ESCO,
    /** The US Occupational Information Network. */
    ONET,
    /** An organisation's own framework. */
    CUSTOM;

    /** The lowercase name stored in the database. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SkillSource fromValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
