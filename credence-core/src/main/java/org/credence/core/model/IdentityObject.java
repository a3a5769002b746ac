package org.credence.core.model;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.credence.core.json.JsonValues;
import org.credence.core.json.Jsons;

/**
 * An {@code IdentityObject} naming a recipient by a (usually hashed and salted) identity such as an
 * email address. Immutable and thread-safe.
 */
public record IdentityObject(JsonObject json) {

    /** The {@code identityType} of email addresses. */
    public static final String EMAIL_ADDRESS = "emailAddress";

    public IdentityObject {
        Objects.requireNonNull(json, "json");
        Fields.requireType(json, "IdentityObject");
        Fields.requireString(json, "identityHash");
        Fields.requireString(json, "identityType");
        JsonValue hashed = json.get("hashed");
        if (hashed == null) {
            throw new ModelException(ModelProblem.MISSING_PROPERTY, "hashed", "is required");
        }
        if (hashed != JsonValue.TRUE && hashed != JsonValue.FALSE) {
            throw new ModelException(ModelProblem.WRONG_JSON_TYPE, "hashed", "must be a boolean");
        }
    }

    public static IdentityObject of(JsonObject json) {
        return new IdentityObject(json);
    }

    /**
     * The identity object of an email address, hashed with the salt. The address is trimmed and
     * lower-cased first, as recipients rarely remember how they capitalised it.
     */
    public static IdentityObject hashedEmail(String email, String salt) {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(salt, "salt");
        return of(
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("type", "IdentityObject")
                        .add("identityHash", IdentityHash.sha256(normalize(email), salt))
                        .add("identityType", EMAIL_ADDRESS)
                        .add("hashed", true)
                        .add("salt", salt)
                        .build());
    }

    /** The {@code sha256$…} hash, or the plain identity when {@link #hashed()} is false. */
    public String identityHash() {
        return json.getString("identityHash");
    }

    /** E.g. {@code emailAddress}, {@code sourcedId}, {@code name}, {@code ext:…}. */
    public String identityType() {
        return json.getString("identityType");
    }

    public boolean hashed() {
        return json.getBoolean("hashed");
    }

    public Optional<String> salt() {
        return JsonValues.string(json, "salt");
    }

    /**
     * Whether this is an email identity of the given address: the hash (with the salt, or none) is
     * of the address as given or lower-cased; an unhashed address compares ignoring case.
     */
    public boolean matchesEmail(String email) {
        Objects.requireNonNull(email, "email");
        if (!EMAIL_ADDRESS.equals(identityType())) {
            return false;
        }
        String given = email.trim();
        if (!hashed()) {
            return identityHash().trim().equalsIgnoreCase(given);
        }
        String salt = salt().orElse("");
        return IdentityHash.matches(identityHash(), given, salt)
                || IdentityHash.matches(identityHash(), normalize(given), salt);
    }

    private static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
