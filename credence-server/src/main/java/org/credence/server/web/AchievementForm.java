package org.credence.server.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.achievement.AchievementDraft;
import org.credence.app.achievement.AchievementVersion;
import org.credence.app.achievement.SkillAlignment;
import org.credence.app.achievement.ValidityPolicy;
import org.credence.app.status.StatusPolicy;

/**
 * The achievement design form's fields and their conversion to and from {@link AchievementDraft}.
 * Field names are the draft's, so the services' field-named errors land next to their field; {@code
 * validityMonths} carries the validity policy, {@code statusPolicy} the status policy (a radio
 * choice, revocable unless chosen) and {@code tags} is comma-separated.
 */
final class AchievementForm {

    /** Service field names that differ from the form's. */
    static final Map<String, String> FIELDS =
            Map.of("validity", "validityMonths", "image", ImageField.FILE);

    private AchievementForm() {}

    static AchievementDraft draft(FormState form, Optional<String> image) {
        return new AchievementDraft(
                form.value("name"),
                form.value("description"),
                form.value("criteriaNarrative"),
                form.value("achievementType"),
                decimal("effortHours", form.value("effortHours")),
                decimal("creditsAvailable", form.value("creditsAvailable")),
                Optional.of(form.value("level")),
                Optional.of(form.value("fieldOfStudy")),
                tags(form.value("tags")),
                Optional.of(form.value("language")),
                image,
                validity(form.value("validityMonths")),
                StatusPolicy.parse("statusPolicy", form.value("statusPolicy")),
                skillIds(form.all("skillIds")));
    }

    static FormState of(AchievementVersion version) {
        AchievementDraft design = version.design();
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("name", List.of(design.name()));
        values.put("description", List.of(design.description()));
        values.put("criteriaNarrative", List.of(design.criteriaNarrative()));
        values.put("achievementType", List.of(design.achievementType()));
        values.put(
                "effortHours",
                List.of(design.effortHours().map(BigDecimal::toPlainString).orElse("")));
        values.put(
                "creditsAvailable",
                List.of(design.creditsAvailable().map(BigDecimal::toPlainString).orElse("")));
        values.put("level", List.of(design.level().orElse("")));
        values.put("fieldOfStudy", List.of(design.fieldOfStudy().orElse("")));
        values.put("tags", List.of(String.join(", ", design.tags())));
        values.put("language", List.of(design.language().orElse("")));
        values.put(
                "validityMonths",
                List.of(design.validity().monthsAfterIssue().map(String::valueOf).orElse("")));
        values.put("statusPolicy", List.of(design.statusPolicy().value()));
        values.put(
                "skillIds",
                version.alignments().stream()
                        .map(SkillAlignment::skillId)
                        .map(UUID::toString)
                        .toList());
        values.put("baseVersion", List.of(String.valueOf(version.version())));
        return new FormState(values, Map.of(), null);
    }

    static int baseVersion(FormState form) {
        try {
            return Integer.parseInt(form.value("baseVersion"));
        } catch (NumberFormatException e) {
            throw AppException.invalid("baseVersion: reload the page and edit again");
        }
    }

    static Optional<BigDecimal> decimal(String field, String value) {
        String text = value.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(text));
        } catch (NumberFormatException e) {
            throw AppException.invalid(field + ": not a number: " + text);
        }
    }

    static ValidityPolicy validity(String value) {
        String text = value.strip();
        if (text.isEmpty()) {
            return ValidityPolicy.none();
        }
        try {
            return ValidityPolicy.monthsAfterIssue(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            throw AppException.invalid("validity: a whole number of months, not " + text);
        }
    }

    static List<String> tags(String value) {
        return Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(tag -> !tag.isEmpty())
                .toList();
    }

    static List<UUID> skillIds(List<String> values) {
        return values.stream()
                .filter(value -> !value.isBlank())
                .map(
                        value -> {
                            try {
                                return UUID.fromString(value.strip());
                            } catch (IllegalArgumentException e) {
                                throw AppException.invalid("skillIds: not a skill id: " + value);
                            }
                        })
                .toList();
    }
}
