package org.credence.core.model;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.credence.core.json.JsonValues;

/**
 * An Open Badges 3.0 {@code Achievement}: what is recognised. Requires {@code id}, {@code type}
 * including {@code Achievement}, {@code name}, {@code description} and {@code criteria}; an {@code
 * achievementType} must be a spec term or an {@code ext:} extension. Immutable and thread-safe.
 */
public record Achievement(JsonObject json) {

    public Achievement {
        Objects.requireNonNull(json, "json");
        Fields.requireString(json, "id");
        Fields.requireType(json, "Achievement");
        Fields.requireString(json, "name");
        Fields.requireString(json, "description");
        Fields.requireObject(json, "criteria");
        JsonValues.string(json, "achievementType").ifPresent(Achievement::requireAllowedType);
        Fields.decimal(json, "creditsAvailable");
        Fields.optionalView(json, "image", Image::of);
        Fields.optionalView(json, "creator", Profile::of);
        Fields.views(json, "alignment", Alignment::of);
        Fields.views(json, "resultDescription", ResultDescription::of);
        Fields.views(json, "otherIdentifier", IdentifierEntry::of);
        Fields.views(json, "endorsement", EndorsementCredential::of);
    }

    public static Achievement of(JsonObject json) {
        return new Achievement(json);
    }

    private static void requireAllowedType(String value) {
        if (!AchievementType.isAllowed(value)) {
            throw new ModelException(
                    ModelProblem.INVALID_VALUE,
                    "achievementType",
                    "must be an AchievementType term or start with ext: but is " + value);
        }
    }

    public String id() {
        return json.getString("id");
    }

    public String name() {
        return json.getString("name");
    }

    public String description() {
        return json.getString("description");
    }

    public Criteria criteria() {
        return Criteria.of(json.getJsonObject("criteria"));
    }

    /** The type as written: a spec term or an {@code ext:} extension. */
    public Optional<String> achievementType() {
        return JsonValues.string(json, "achievementType");
    }

    /** The type as a spec term; empty for extensions and when absent. */
    public Optional<AchievementType> knownAchievementType() {
        return achievementType().flatMap(AchievementType::fromValue);
    }

    public List<Alignment> alignments() {
        return Fields.views(json, "alignment", Alignment::of);
    }

    public List<ResultDescription> resultDescriptions() {
        return Fields.views(json, "resultDescription", ResultDescription::of);
    }

    public Optional<BigDecimal> creditsAvailable() {
        return Fields.decimal(json, "creditsAvailable");
    }

    public Optional<String> fieldOfStudy() {
        return JsonValues.string(json, "fieldOfStudy");
    }

    public Optional<String> humanCode() {
        return JsonValues.string(json, "humanCode");
    }

    public Optional<String> specialization() {
        return JsonValues.string(json, "specialization");
    }

    public Optional<Image> image() {
        return Fields.optionalView(json, "image", Image::of);
    }

    public List<String> tags() {
        return JsonValues.strings(json, "tag");
    }

    /** A BCP 47 language tag, e.g. {@code en}, {@code zh-Hans}. */
    public Optional<String> inLanguage() {
        return JsonValues.string(json, "inLanguage");
    }

    public Optional<String> version() {
        return JsonValues.string(json, "version");
    }

    public Optional<Profile> creator() {
        return Fields.optionalView(json, "creator", Profile::of);
    }

    /** {@code Related} objects (other language versions or versions of this achievement). */
    public List<JsonObject> related() {
        return JsonValues.objects(json, "related");
    }

    public List<IdentifierEntry> otherIdentifiers() {
        return Fields.views(json, "otherIdentifier", IdentifierEntry::of);
    }

    public List<EndorsementCredential> endorsements() {
        return Fields.views(json, "endorsement", EndorsementCredential::of);
    }
}
