package org.credence.core.ob2;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.credence.core.json.JsonValues;
import org.credence.core.model.IdentityHash;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;

/**
 * The checks of an OB 2.0 assertion's own content, the same for hosted and signed assertions: its
 * dates ({@code issuedOn}, {@code expires}), its {@code revoked} flag and its recipient. Stateless.
 */
final class AssertionChecks {

    static final String EXPIRED = "EXPIRED";
    static final String NOT_YET_VALID = "NOT_YET_VALID";
    static final String INVALID_DATE = "INVALID_DATE";
    static final String REVOKED = "REVOKED";
    static final String RECIPIENT_MISMATCH = "RECIPIENT_MISMATCH";
    static final String NO_EMAIL_IDENTIFIER = "NO_EMAIL_IDENTIFIER";

    private AssertionChecks() {}

    /** {@code issuedOn} not in the future, {@code expires} not past. */
    static Check validity(JsonObject assertion, Instant now) {
        Optional<Instant> issued;
        Optional<Instant> expires;
        try {
            issued = instant(assertion, "issuedOn");
            expires = instant(assertion, "expires");
        } catch (DateTimeParseException e) {
            return Check.failed(CheckName.VALIDITY, INVALID_DATE, e.getMessage());
        }
        if (issued.isPresent() && expires.isPresent() && expires.get().isBefore(issued.get())) {
            return Check.failed(
                    CheckName.VALIDITY,
                    INVALID_DATE,
                    "expires " + expires.get() + " is before issuedOn " + issued.get());
        }
        if (issued.isPresent() && now.isBefore(issued.get())) {
            return Check.failed(
                    CheckName.VALIDITY, NOT_YET_VALID, "Issued in the future, on " + issued.get());
        }
        if (expires.isPresent() && now.isAfter(expires.get())) {
            return Check.failed(CheckName.VALIDITY, EXPIRED, "Expired on " + expires.get());
        }
        return Check.passed(
                CheckName.VALIDITY,
                issued.map(i -> "Issued on " + i).orElse("No issue date")
                        + expires.map(e -> ", valid until " + e).orElse(", does not expire"));
    }

    /** Whether the assertion itself says it is revoked; empty when it does not. */
    static Optional<Check> revokedFlag(JsonObject assertion) {
        if (!isRevoked(assertion)) {
            return Optional.empty();
        }
        return Optional.of(
                Check.failed(
                        CheckName.STATUS,
                        REVOKED,
                        "Revoked by its issuer"
                                + JsonValues.string(assertion, "revocationReason")
                                        .map(reason -> ": " + reason)
                                        .orElse("")));
    }

    static boolean isRevoked(JsonObject assertion) {
        return assertion.get("revoked") == JsonValue.TRUE;
    }

    /**
     * The recipient {@code IdentityObject} against the email the verifier was given: plain, or a
     * salted {@code sha256$}/{@code md5$} hash (OB 2.0 §IdentityObject).
     */
    static Check recipient(JsonObject assertion, Optional<String> email) {
        if (email.isEmpty()) {
            return Check.notApplicable(
                    CheckName.RECIPIENT, "No recipient email was given to check");
        }
        Optional<JsonObject> recipient = JsonValues.object(assertion, "recipient");
        String type = recipient.flatMap(r -> JsonValues.string(r, "type")).orElse("");
        Optional<String> identity = recipient.flatMap(r -> JsonValues.string(r, "identity"));
        if (!"email".equalsIgnoreCase(type) || identity.isEmpty()) {
            return Check.failed(
                    CheckName.RECIPIENT,
                    NO_EMAIL_IDENTIFIER,
                    "The assertion names no email address for its recipient");
        }
        String given = email.get().trim();
        boolean hashed = isHashed(recipient.get(), identity.get());
        String salt = JsonValues.string(recipient.get(), "salt").orElse("");
        for (String candidate : List.of(given, given.toLowerCase(Locale.ROOT))) {
            boolean matches =
                    hashed
                            ? IdentityHash.matches(identity.get(), candidate, salt)
                            : identity.get().equalsIgnoreCase(candidate);
            if (matches) {
                return Check.passed(
                        CheckName.RECIPIENT, "Issued to " + given + " (the email matches)");
            }
        }
        return Check.failed(
                CheckName.RECIPIENT, RECIPIENT_MISMATCH, "The badge was not issued to " + given);
    }

    /** {@code hashed} is a boolean; OB 1.0 badges wrote it as a string, so "true" counts too. */
    private static boolean isHashed(JsonObject recipient, String identity) {
        JsonValue hashed = recipient.get("hashed");
        if (hashed == null) {
            return identity.contains("$");
        }
        return hashed == JsonValue.TRUE
                || JsonValues.string(recipient, "hashed")
                        .filter("true"::equalsIgnoreCase)
                        .isPresent();
    }

    /** The required properties missing from an object, prefixed with its name. */
    static List<String> missing(String name, JsonObject object, List<String> required) {
        List<String> missing = new ArrayList<>();
        for (String property : required) {
            JsonValue value = object.get(property);
            if (value == null || value == JsonValue.NULL) {
                missing.add(name + " " + property);
            }
        }
        return missing;
    }

    private static Optional<Instant> instant(JsonObject assertion, String field) {
        return JsonValues.dateTime(assertion, field, "an ISO 8601 date-time");
    }
}
