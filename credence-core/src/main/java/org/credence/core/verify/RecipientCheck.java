package org.credence.core.verify;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.credence.core.json.JsonValues;
import org.credence.core.model.IdentityHash;

/**
 * Does the credential name the person in front of the verifier? Compares an email address the
 * verifier was given with the subject's identifiers: plain, or salted SHA-256 / MD5 hashes ({@code
 * IdentityObject}, Open Badges 3.0 §B.1.16).
 */
final class RecipientCheck {

    static final String NO_MATCH = "RECIPIENT_MISMATCH";
    static final String NO_IDENTIFIER = "NO_EMAIL_IDENTIFIER";

    private RecipientCheck() {}

    static Check check(JsonObject credential, Optional<String> email) {
        if (email.isEmpty()) {
            return Check.notApplicable(
                    CheckName.RECIPIENT, "No recipient email was given to check");
        }
        List<JsonObject> identities =
                JsonValues.objects(credential, "credentialSubject").stream()
                        .flatMap(subject -> JsonValues.objects(subject, "identifier").stream())
                        .filter(id -> "emailAddress".equals(id.getString("identityType", "")))
                        .toList();
        if (identities.isEmpty()) {
            return Check.failed(
                    CheckName.RECIPIENT,
                    NO_IDENTIFIER,
                    "The credential names no email address for its recipient");
        }
        String given = email.get().trim();
        for (JsonObject identity : identities) {
            if (matches(identity, given) || matches(identity, given.toLowerCase(Locale.ROOT))) {
                return Check.passed(
                        CheckName.RECIPIENT, "Issued to " + given + " (the email matches)");
            }
        }
        return Check.failed(
                CheckName.RECIPIENT, NO_MATCH, "The credential was not issued to " + given);
    }

    private static boolean matches(JsonObject identity, String email) {
        String stored = identity.getString("identityHash", "");
        boolean hashed = identity.getBoolean("hashed", stored.contains("$"));
        if (!hashed) {
            return stored.equalsIgnoreCase(email);
        }
        return IdentityHash.matches(stored, email, JsonValues.string(identity, "salt").orElse(""));
    }
}
