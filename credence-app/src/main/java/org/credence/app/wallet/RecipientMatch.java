package org.credence.app.wallet;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Locale;
import org.credence.core.json.JsonValues;
import org.credence.core.model.IdentityHash;
import org.credence.core.model.IdentityObject;

/**
 * Whether a credential names one of the learner's verified identifiers: an Open Badges 3.0 subject
 * {@code identifier} (e-mail, plain or salted hash), a subject {@code id} equal to a verified DID
 * or {@code mailto:} address, or an Open Badges 2.0 {@code recipient} e-mail. Stateless.
 */
final class RecipientMatch {

    private RecipientMatch() {}

    static boolean names(JsonObject credential, VerifiedIdentifiers verified) {
        return names(credential, verified.emails(), verified.dids());
    }

    static boolean names(JsonObject credential, List<String> emails, List<String> dids) {
        for (JsonObject subject : JsonValues.objects(credential, "credentialSubject")) {
            if (subjectNames(subject, emails, dids)) {
                return true;
            }
        }
        return JsonValues.object(credential, "recipient")
                .map(recipient -> recipientNames(recipient, emails))
                .orElse(false);
    }

    private static boolean subjectNames(
            JsonObject subject, List<String> emails, List<String> dids) {
        String id = JsonValues.string(subject, "id").orElse("");
        if (dids.contains(id)
                || emails.stream().anyMatch(email -> id.equalsIgnoreCase("mailto:" + email))) {
            return true;
        }
        for (JsonObject identifier : JsonValues.objects(subject, "identifier")) {
            try {
                IdentityObject identity = IdentityObject.of(identifier);
                if (emails.stream().anyMatch(identity::matchesEmail)) {
                    return true;
                }
            } catch (RuntimeException e) {
                // A malformed identifier names nobody; the verification report says what is wrong.
            }
        }
        return false;
    }

    private static boolean recipientNames(JsonObject recipient, List<String> emails) {
        if (!"email".equals(JsonValues.string(recipient, "type").orElse(""))) {
            return false;
        }
        String identity = JsonValues.string(recipient, "identity").orElse("");
        String salt = JsonValues.string(recipient, "salt").orElse("");
        boolean hashed = recipient.getBoolean("hashed", identity.contains("$"));
        return emails.stream()
                .anyMatch(
                        email ->
                                hashed
                                        ? IdentityHash.matches(identity, email, salt)
                                        : identity.toLowerCase(Locale.ROOT).equals(email));
    }
}
