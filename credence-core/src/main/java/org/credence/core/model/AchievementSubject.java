package org.credence.core.model;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.credence.core.json.JsonValues;

/**
 * The {@code credentialSubject} of an Open Badge: the recipient ({@code id} and/or hashed {@code
 * identifier}s) and the {@link Achievement} they earned, with optional results. Immutable and
 * thread-safe.
 */
public record AchievementSubject(JsonObject json) {

    public AchievementSubject {
        Objects.requireNonNull(json, "json");
        Fields.requireType(json, "AchievementSubject");
        JsonObject achievement = Fields.requireObject(json, "achievement");
        Fields.nested("achievement", () -> Achievement.of(achievement));
        Fields.views(json, "identifier", IdentityObject::of);
        Fields.views(json, "result", Result::of);
        Fields.decimal(json, "creditsEarned");
        Fields.instant(json, "activityStartDate");
        Fields.instant(json, "activityEndDate");
        Fields.optionalView(json, "source", Profile::of);
        Fields.optionalView(json, "image", Image::of);
    }

    public static AchievementSubject of(JsonObject json) {
        return new AchievementSubject(json);
    }

    /** The recipient's id (a DID or URL), when not identified by {@link #identifiers()} only. */
    public Optional<String> id() {
        return JsonValues.string(json, "id");
    }

    public Achievement achievement() {
        return Achievement.of(json.getJsonObject("achievement"));
    }

    public List<IdentityObject> identifiers() {
        return Fields.views(json, "identifier", IdentityObject::of);
    }

    /** Whether any identifier is an email identity of this address. */
    public boolean matchesEmail(String email) {
        return identifiers().stream().anyMatch(identifier -> identifier.matchesEmail(email));
    }

    public List<Result> results() {
        return Fields.views(json, "result", Result::of);
    }

    public Optional<BigDecimal> creditsEarned() {
        return Fields.decimal(json, "creditsEarned");
    }

    public Optional<Instant> activityStartDate() {
        return Fields.instant(json, "activityStartDate");
    }

    public Optional<Instant> activityEndDate() {
        return Fields.instant(json, "activityEndDate");
    }

    public Optional<String> licenseNumber() {
        return JsonValues.string(json, "licenseNumber");
    }

    public Optional<String> role() {
        return JsonValues.string(json, "role");
    }

    public Optional<String> term() {
        return JsonValues.string(json, "term");
    }

    public Optional<String> narrative() {
        return JsonValues.string(json, "narrative");
    }

    /** The organisation that assessed the recipient, when not the issuer. */
    public Optional<Profile> source() {
        return Fields.optionalView(json, "source", Profile::of);
    }

    public Optional<Image> image() {
        return Fields.optionalView(json, "image", Image::of);
    }
}
