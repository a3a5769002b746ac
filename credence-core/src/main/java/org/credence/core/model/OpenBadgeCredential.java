package org.credence.core.model;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An Open Badges 3.0 {@code OpenBadgeCredential} (also typed {@code AchievementCredential}): an
 * issuer's assertion that a recipient earned an {@link Achievement}. A view over the credential
 * JSON, which it keeps as given. Immutable and thread-safe.
 */
public record OpenBadgeCredential(JsonObject json) implements Credential {

    /** The credential type of Open Badges. */
    public static final String TYPE = "OpenBadgeCredential";

    /** The equivalent type name the spec also allows. */
    public static final String ACHIEVEMENT_CREDENTIAL = "AchievementCredential";

    public OpenBadgeCredential {
        Objects.requireNonNull(json, "json");
        Envelope.validate(json, TYPE, ACHIEVEMENT_CREDENTIAL);
        JsonObject subject = Fields.requireObject(json, "credentialSubject");
        Fields.nested("credentialSubject", () -> AchievementSubject.of(subject));
        Fields.views(json, "evidence", Evidence::of);
        Fields.views(json, "endorsement", EndorsementCredential::of);
    }

    /** Reads a credential, or throws {@link ModelException} naming the first invalid field. */
    public static OpenBadgeCredential of(JsonObject json) {
        return new OpenBadgeCredential(json);
    }

    /**
     * The credential as an Open Badge, if it is one (for code that shows any credential and uses
     * the Open Badges fields when they are there); empty for anything else, however malformed.
     */
    public static Optional<OpenBadgeCredential> tryOf(JsonObject json) {
        try {
            return Optional.of(new OpenBadgeCredential(json));
        } catch (ModelException | ClassCastException | NullPointerException e) {
            return Optional.empty();
        }
    }

    public AchievementSubject credentialSubject() {
        return AchievementSubject.of(json.getJsonObject("credentialSubject"));
    }

    /** Shortcut for {@code credentialSubject().achievement()}. */
    public Achievement achievement() {
        return credentialSubject().achievement();
    }

    public Optional<Image> image() {
        return Fields.optionalView(json, "image", Image::of);
    }

    public List<Evidence> evidence() {
        return Fields.views(json, "evidence", Evidence::of);
    }

    public List<EndorsementCredential> endorsements() {
        return Fields.views(json, "endorsement", EndorsementCredential::of);
    }
}
