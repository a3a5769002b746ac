package org.credence.core.jwt;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The credential fields a VC-JWT binds to its claims, read leniently from the JSON tree (VC 2.0
 * names first, then the VC 1.1 ones). Stateless, thread-safe.
 */
final class CredentialFields {

    private CredentialFields() {}

    static Optional<String> id(JsonObject credential) {
        return string(credential.get("id"));
    }

    /** {@code issuer} as a string, or its {@code id} when it is an object. */
    static Optional<String> issuerId(JsonObject credential) {
        return idOf(credential.get("issuer"));
    }

    /** {@code credentialSubject.id} of the single (or first) subject. */
    static Optional<String> subjectId(JsonObject credential) {
        JsonValue subject = credential.get("credentialSubject");
        if (subject instanceof JsonArray subjects && !subjects.isEmpty()) {
            subject = subjects.get(0);
        }
        return subject instanceof JsonObject object ? string(object.get("id")) : Optional.empty();
    }

    /** {@code validFrom}, else {@code issuanceDate}: the raw string. */
    static Optional<String> validFrom(JsonObject credential) {
        return string(credential.get("validFrom")).or(() -> string(credential.get("issuanceDate")));
    }

    /** {@code validUntil}, else {@code expirationDate}: the raw string. */
    static Optional<String> validUntil(JsonObject credential) {
        return string(credential.get("validUntil"))
                .or(() -> string(credential.get("expirationDate")));
    }

    /**
     * An XML Schema dateTime as an instant (no offset means UTC).
     *
     * @return empty when it cannot be parsed
     */
    static Optional<Instant> instant(String dateTime) {
        try {
            return Optional.of(OffsetDateTime.parse(dateTime).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(dateTime).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException ignored) {
                return Optional.empty();
            }
        }
    }

    private static Optional<String> idOf(JsonValue value) {
        if (value instanceof JsonObject object) {
            return string(object.get("id"));
        }
        return string(value);
    }

    private static Optional<String> string(JsonValue value) {
        return value instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }
}
