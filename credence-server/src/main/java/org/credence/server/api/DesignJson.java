package org.credence.server.api;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.achievement.AchievementDraft;
import org.credence.app.achievement.AchievementService;
import org.credence.app.achievement.AchievementVersion;
import org.credence.app.achievement.ValidityPolicy;
import org.credence.app.image.ImageUploads;
import org.credence.app.issuer.DidMethod;
import org.credence.app.issuer.IssuerDraft;
import org.credence.app.issuer.IssuerKey;
import org.credence.app.issuer.IssuerProfile;
import org.credence.app.skill.SkillFramework;
import org.credence.app.status.StatusPolicy;
import org.credence.core.json.Jsons;

/**
 * The JSON of issuers, keys, frameworks and achievement designs, and designs and issuer drafts read
 * from JSON. Member names are the drafts' field names, so field-named problems match the request.
 */
final class DesignJson {

    private DesignJson() {}

    static JsonObject issuer(IssuerProfile issuer, String baseUrl) {
        IssuerDraft details = issuer.details();
        JsonObjectBuilder json =
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("id", issuer.id().toString())
                        .add("slug", issuer.slug())
                        .add("name", issuer.name())
                        .add("did", issuer.did())
                        .add("didMethod", issuer.method().value());
        if (issuer.method() == DidMethod.WEB) {
            json.add("didDocument", baseUrl + "/issuers/" + issuer.slug() + "/did.json");
        }
        details.url().ifPresent(value -> json.add("url", value));
        details.email().ifPresent(value -> json.add("email", value));
        details.description().ifPresent(value -> json.add("description", value));
        details.image().ifPresent(value -> json.add("image", value));
        return json.add("updatedAt", issuer.updatedAt().toString()).build();
    }

    static JsonObject key(IssuerKey key) {
        JsonObjectBuilder json =
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("number", key.number())
                        .add("verificationMethod", key.verificationMethodId())
                        .add("publicKeyMultibase", key.publicKeyMultibase())
                        .add("status", key.status().value())
                        .add("createdAt", key.createdAt().toString());
        key.retiredAt().ifPresent(at -> json.add("retiredAt", at.toString()));
        return json.build();
    }

    static JsonObject framework(SkillFramework framework, int skillCount) {
        JsonObjectBuilder json =
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("id", framework.id().toString())
                        .add("name", framework.name())
                        .add("version", framework.version())
                        .add("source", framework.source().value())
                        .add("createdAt", framework.createdAt().toString());
        if (skillCount >= 0) {
            json.add("skillCount", skillCount);
        }
        return json.build();
    }

    /**
     * A new issuer from {@code slug}, {@code name}, {@code url}, {@code email}, {@code
     * description}, {@code image}.
     */
    static IssuerDraft issuerDraft(JsonObject body) {
        return new IssuerDraft(
                JsonFields.required(body, "slug"),
                JsonFields.required(body, "name"),
                JsonFields.text(body, "url"),
                JsonFields.text(body, "email"),
                JsonFields.text(body, "description"),
                image(body));
    }

    /**
     * The current draft with the members present in {@code body} replaced ({@code null} removes).
     */
    static IssuerDraft patched(IssuerDraft current, JsonObject body) {
        return new IssuerDraft(
                JsonFields.has(body, "slug") ? JsonFields.required(body, "slug") : current.slug(),
                JsonFields.has(body, "name") ? JsonFields.required(body, "name") : current.name(),
                JsonFields.has(body, "url") ? JsonFields.text(body, "url") : current.url(),
                JsonFields.has(body, "email") ? JsonFields.text(body, "email") : current.email(),
                JsonFields.has(body, "description")
                        ? JsonFields.text(body, "description")
                        : current.description(),
                JsonFields.has(body, "image") ? image(body) : current.image());
    }

    static AchievementDraft achievementDraft(JsonObject body) {
        return new AchievementDraft(
                JsonFields.required(body, "name"),
                JsonFields.required(body, "description"),
                JsonFields.required(body, "criteriaNarrative"),
                JsonFields.text(body, "achievementType").orElse(""),
                JsonFields.decimal(body, "effortHours"),
                JsonFields.decimal(body, "creditsAvailable"),
                JsonFields.text(body, "level"),
                JsonFields.text(body, "fieldOfStudy"),
                JsonFields.strings(body, "tags"),
                JsonFields.text(body, "language"),
                image(body),
                JsonFields.integer(body, "validityMonths")
                        .map(ValidityPolicy::monthsAfterIssue)
                        .orElseGet(ValidityPolicy::none),
                StatusPolicy.parse(
                        "statusPolicy", JsonFields.text(body, "statusPolicy").orElse(null)),
                JsonFields.uuids(body, "skillIds"));
    }

    static JsonObject achievement(AchievementVersion version, AchievementService achievements) {
        AchievementDraft design = version.design();
        JsonArrayBuilder skills = Jsons.PROVIDER.createArrayBuilder();
        version.alignments()
                .forEach(
                        alignment ->
                                skills.add(
                                        Jsons.PROVIDER
                                                .createObjectBuilder()
                                                .add("skillId", alignment.skillId().toString())
                                                .add("name", alignment.targetName())
                                                .add("framework", alignment.targetFramework())
                                                .add("code", alignment.targetCode())
                                                .add("url", alignment.targetUrl())));
        UUID id = version.achievementId();
        JsonObjectBuilder json =
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("id", id.toString())
                        .add("version", version.version())
                        .add("url", achievements.achievementUrl(id, version.version()))
                        .add("name", design.name())
                        .add("description", design.description())
                        .add("criteriaNarrative", design.criteriaNarrative())
                        .add("achievementType", design.achievementType());
        decimal(json, "effortHours", design.effortHours());
        decimal(json, "creditsAvailable", design.creditsAvailable());
        design.level().ifPresent(value -> json.add("level", value));
        design.fieldOfStudy().ifPresent(value -> json.add("fieldOfStudy", value));
        json.add("tags", Jsons.PROVIDER.createArrayBuilder(design.tags()));
        design.language().ifPresent(value -> json.add("language", value));
        design.image().ifPresent(value -> json.add("image", value));
        design.validity()
                .monthsAfterIssue()
                .ifPresent(months -> json.add("validityMonths", months));
        return json.add("statusPolicy", design.statusPolicy().value())
                .add("skills", skills)
                .add("createdAt", version.createdAt().toString())
                .add("createdBy", version.createdBy())
                .build();
    }

    static JsonArrayBuilder achievements(
            List<AchievementVersion> versions, AchievementService achievements) {
        JsonArrayBuilder list = Jsons.PROVIDER.createArrayBuilder();
        versions.forEach(version -> list.add(achievement(version, achievements)));
        return list;
    }

    private static void decimal(JsonObjectBuilder json, String name, Optional<BigDecimal> value) {
        value.ifPresent(number -> json.add(name, number));
    }

    private static Optional<String> image(JsonObject body) {
        return JsonFields.text(body, "image")
                .filter(value -> !value.isBlank())
                .map(value -> ImageUploads.reference("image", value.strip()));
    }
}
