package org.credence.app.award;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;
import org.credence.app.AppException;
import org.credence.app.issuer.WebReferences;

/**
 * Who a credential is for: an email address (stored, and published only as a salted SHA-256 hash)
 * or another identifier such as a DID or URL (published as {@code credentialSubject.id}), and an
 * optional display name, shown publicly only if the earner chooses so.
 *
 * @param email the recipient's email address
 * @param identifier a DID or absolute URL
 * @param name the recipient's name as it should appear
 */
public record AwardRecipient(
        Optional<String> email, Optional<String> identifier, Optional<String> name) {

    public AwardRecipient {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(name, "name");
        if (email.isPresent() == identifier.isPresent()) {
            throw AppException.invalid(
                    "recipient: give either an email address or an identifier (DID or URL)");
        }
        email = email.map(value -> WebReferences.requireEmail("recipient.email", value.strip()));
        identifier = identifier.map(value -> absoluteUri(value.strip()));
        name =
                name.map(value -> WebReferences.optionalText("recipient.name", value, 200))
                        .filter(value -> !value.isEmpty());
    }

    public static AwardRecipient ofEmail(String email) {
        return new AwardRecipient(Optional.of(email), Optional.empty(), Optional.empty());
    }

    public static AwardRecipient ofIdentifier(String identifier) {
        return new AwardRecipient(Optional.empty(), Optional.of(identifier), Optional.empty());
    }

    public AwardRecipient withName(String value) {
        return new AwardRecipient(email, identifier, Optional.of(value));
    }

    private static String absoluteUri(String value) {
        if (value.length() > 2000) {
            throw AppException.invalid("recipient.identifier: longer than 2000 characters");
        }
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute() || value.chars().anyMatch(Character::isWhitespace)) {
                throw AppException.invalid(
                        "recipient.identifier: must be a DID or an absolute URL: " + value);
            }
            return value;
        } catch (URISyntaxException e) {
            throw AppException.invalid("recipient.identifier: not a URI: " + e.getReason());
        }
    }
}
