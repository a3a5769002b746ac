package org.credence.app.achievement;

import java.math.BigDecimal;
import java.util.IllformedLocaleException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.issuer.WebReferences;
import org.credence.app.status.StatusPolicy;
import org.credence.core.model.AchievementType;

/**
 * What an issuer enters for one version of an achievement. Validated on construction: every failure
 * is {@link org.credence.app.Problem#INVALID_INPUT} with a message starting with the field's name.
 * Start with {@link #of} and add optional parts with the {@code with…} methods.
 *
 * <p>{@code effortHours}, {@code level}, {@code validity} and {@code statusPolicy} are Credence's
 * own: Open Badges 3.0 has no terms for them, so they show on pages and drive issuance but are not
 * in the badge JSON.
 *
 * @param name the achievement's name
 * @param description what it recognises
 * @param criteriaNarrative how to earn it, in Markdown
 * @param achievementType an Open Badges {@code AchievementType} term or {@code ext:…}
 * @param effortHours typical learning effort, more than 0 and at most 10,000 hours
 * @param creditsAvailable credits a learner can earn, 0 to 1,000
 * @param level e.g. {@code EQF 5} or {@code Intermediate}
 * @param fieldOfStudy e.g. {@code Nursing}
 * @param tags keywords
 * @param language a BCP 47 tag, e.g. {@code en}, {@code pt-BR}
 * @param image an absolute URL or a data URL; empty for a generated image
 * @param validity how long credentials stay valid
 * @param statusPolicy which status entries its credentials carry ({@link StatusPolicy#REVOCABLE}
 *     unless a designer opts in to suspension)
 * @param skillIds the organisation's skills it aligns to, in order
 */
public record AchievementDraft(
        String name,
        String description,
        String criteriaNarrative,
        String achievementType,
        Optional<BigDecimal> effortHours,
        Optional<BigDecimal> creditsAvailable,
        Optional<String> level,
        Optional<String> fieldOfStudy,
        List<String> tags,
        Optional<String> language,
        Optional<String> image,
        ValidityPolicy validity,
        StatusPolicy statusPolicy,
        List<UUID> skillIds) {

    /** The type when none is given. */
    public static final String DEFAULT_TYPE = AchievementType.MICRO_CREDENTIAL.value();

    public AchievementDraft {
        name = WebReferences.requireText("name", name, 200);
        description = WebReferences.requireText("description", description, 4000);
        criteriaNarrative =
                WebReferences.requireText("criteriaNarrative", criteriaNarrative, 20000);
        achievementType = type(achievementType);
        effortHours = decimal("effortHours", effortHours, new BigDecimal("10000"), false);
        creditsAvailable =
                decimal("creditsAvailable", creditsAvailable, new BigDecimal("1000"), true);
        level = text("level", level, 100);
        fieldOfStudy = text("fieldOfStudy", fieldOfStudy, 200);
        tags = tags(tags);
        language = text("language", language, 35).map(AchievementDraft::languageTag);
        image =
                text("image", image, 1_000_000)
                        .map(value -> WebReferences.requireImage("image", value));
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(statusPolicy, "statusPolicy");
        skillIds = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(skillIds, "skillIds")));
        if (skillIds.size() > 50) {
            throw AppException.invalid("skillIds: at most 50 aligned skills");
        }
    }

    /** A MicroCredential with only the required parts. */
    public static AchievementDraft of(String name, String description, String criteriaNarrative) {
        return new AchievementDraft(
                name,
                description,
                criteriaNarrative,
                DEFAULT_TYPE,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                ValidityPolicy.none(),
                StatusPolicy.REVOCABLE,
                List.of());
    }

    public AchievementDraft withName(String value) {
        return new AchievementDraft(
                value,
                description,
                criteriaNarrative,
                achievementType,
                effortHours,
                creditsAvailable,
                level,
                fieldOfStudy,
                tags,
                language,
                image,
                validity,
                statusPolicy,
                skillIds);
    }

    public AchievementDraft withDescription(String value) {
        return new AchievementDraft(
                name,
                value,
                criteriaNarrative,
                achievementType,
                effortHours,
                creditsAvailable,
                level,
                fieldOfStudy,
                tags,
                language,
                image,
                validity,
                statusPolicy,
                skillIds);
    }

    public AchievementDraft withCriteriaNarrative(String value) {
        return new AchievementDraft(
                name,
                description,
                value,
                achievementType,
                effortHours,
                creditsAvailable,
                level,
                fieldOfStudy,
                tags,
                language,
                image,
                validity,
                statusPolicy,
                skillIds);
    }

    public AchievementDraft withAchievementType(String value) {
        return new AchievementDraft(
                name,
                description,
                criteriaNarrative,
                value,
                effortHours,
                creditsAvailable,
                level,
                fieldOfStudy,
                tags,
                language,
                image,
                validity,
                statusPolicy,
                skillIds);
    }

    public AchievementDraft withEffortHours(BigDecimal value) {
        return new AchievementDraft(
                name,
                description,
                criteriaNarrative,
                achievementType,
                Optional.of(value),
                creditsAvailable,
                level,
                fieldOfStudy,
                tags,
                language,
                image,
                validity,
                statusPolicy,
                skillIds);
    }

    public AchievementDraft withCreditsAvailable(BigDecimal value) {
        return new AchievementDraft(
                name,
                description,
                criteriaNarrative,
                achievementType,
                effortHours,
                Optional.of(value),
                level,
                fieldOfStudy,
                tags,
                language,
                image,
                validity,
                statusPolicy,
                skillIds);
    }

    public AchievementDraft withLevel(String value) {
        return new AchievementDraft(
                name,
                description,
                criteriaNarrative,
                achievementType,
                effortHours,
                creditsAvailable,
                Optional.of(value),
                fieldOfStudy,
                tags,
                language,
                image,
                validity,
                statusPolicy,
                skillIds);
    }

    public AchievementDraft withFieldOfStudy(String value) {
        return new AchievementDraft(
                name,
                description,
                criteriaNarrative,
                achievementType,
                effortHours,
                creditsAvailable,
                level,
                Optional.of(value),
                tags,
                language,
                image,
                validity,
                statusPolicy,
                skillIds);
    }

    public AchievementDraft withTags(List<String> value) {
        return new AchievementDraft(
                name,
                description,
                criteriaNarrative,
                achievementType,
                effortHours,
                creditsAvailable,
                level,
                fieldOfStudy,
                value,
                language,
                image,
                validity,
                statusPolicy,
                skillIds);
    }

    public AchievementDraft withLanguage(String value) {
        return new AchievementDraft(
                name,
                description,
                criteriaNarrative,
                achievementType,
                effortHours,
                creditsAvailable,
                level,
                fieldOfStudy,
                tags,
                Optional.of(value),
                image,
                validity,
                statusPolicy,
                skillIds);
    }

    public AchievementDraft withImage(String value) {
        return new AchievementDraft(
                name,
                description,
                criteriaNarrative,
                achievementType,
                effortHours,
                creditsAvailable,
                level,
                fieldOfStudy,
                tags,
                language,
                Optional.of(value),
                validity,
                statusPolicy,
                skillIds);
    }

    public AchievementDraft withValidity(ValidityPolicy value) {
        return new AchievementDraft(
                name,
                description,
                criteriaNarrative,
                achievementType,
                effortHours,
                creditsAvailable,
                level,
                fieldOfStudy,
                tags,
                language,
                image,
                value,
                statusPolicy,
                skillIds);
    }

    /** Credentials of this version carry a suspension entry only when the policy says so. */
    public AchievementDraft withStatusPolicy(StatusPolicy value) {
        return new AchievementDraft(
                name,
                description,
                criteriaNarrative,
                achievementType,
                effortHours,
                creditsAvailable,
                level,
                fieldOfStudy,
                tags,
                language,
                image,
                validity,
                value,
                skillIds);
    }

    public AchievementDraft withSkills(List<UUID> value) {
        return new AchievementDraft(
                name,
                description,
                criteriaNarrative,
                achievementType,
                effortHours,
                creditsAvailable,
                level,
                fieldOfStudy,
                tags,
                language,
                image,
                validity,
                statusPolicy,
                value);
    }

    private static String type(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_TYPE;
        }
        String type = value.strip();
        if (type.length() > 100 || !AchievementType.isAllowed(type)) {
            throw AppException.invalid(
                    "achievementType: must be an Open Badges AchievementType (e.g. MicroCredential,"
                            + " Certificate, Badge) or start with ext:, not "
                            + type);
        }
        return type;
    }

    /** Scale at most 2; trailing zeros removed so that 12.50 and 12.5 are the same value. */
    private static Optional<BigDecimal> decimal(
            String field, Optional<BigDecimal> value, BigDecimal max, boolean zeroAllowed) {
        Objects.requireNonNull(value, field);
        return value.map(
                number -> {
                    int sign = number.signum();
                    if (sign < 0 || (sign == 0 && !zeroAllowed) || number.compareTo(max) > 0) {
                        throw AppException.invalid(
                                field
                                        + ": must be "
                                        + (zeroAllowed ? "0" : "more than 0")
                                        + " to "
                                        + max.toPlainString()
                                        + ", not "
                                        + number.toPlainString());
                    }
                    BigDecimal plain = number.stripTrailingZeros();
                    if (plain.scale() > 2) {
                        throw AppException.invalid(field + ": at most two decimal places");
                    }
                    return plain.scale() < 0 ? plain.setScale(0) : plain;
                });
    }

    private static Optional<String> text(String field, Optional<String> value, int max) {
        Objects.requireNonNull(value, field);
        return value.map(text -> WebReferences.optionalText(field, text, max))
                .filter(text -> !text.isEmpty());
    }

    private static List<String> tags(List<String> values) {
        Objects.requireNonNull(values, "tags");
        if (values.size() > 30) {
            throw AppException.invalid("tags: at most 30 tags");
        }
        return List.copyOf(
                new LinkedHashSet<>(
                        values.stream()
                                .map(tag -> WebReferences.requireText("tags", tag, 100))
                                .toList()));
    }

    private static String languageTag(String value) {
        try {
            Locale locale = new Locale.Builder().setLanguageTag(value).build();
            if (locale.getLanguage().isEmpty()) {
                throw new IllformedLocaleException("no language");
            }
            return value;
        } catch (IllformedLocaleException e) {
            throw AppException.invalid(
                    "language: not a BCP 47 language tag (e.g. en, pt-BR): " + value);
        }
    }
}
