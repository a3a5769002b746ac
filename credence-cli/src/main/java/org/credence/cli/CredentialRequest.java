package org.credence.cli;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What an Open Badges 3.0 credential issued by the CLI says.
 *
 * @param issuerId the issuer profile's id: the signing key's controller
 * @param issuerName the issuer profile's name, if given
 * @param achievement the achievement as the issuer wrote it
 * @param recipient who receives the credential
 * @param validity from when, and until when, the credential is valid
 * @param status where the credential's revocation status is published, if anywhere
 */
record CredentialRequest(
        String issuerId,
        Optional<String> issuerName,
        JsonObject achievement,
        Recipient recipient,
        Validity validity,
        Optional<StatusReference> status) {

    CredentialRequest {
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(issuerName, "issuerName");
        Objects.requireNonNull(achievement, "achievement");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(status, "status");
    }

    /** The recipient: an email address (published only as a salted hash), an id, or both. */
    record Recipient(Optional<String> email, Optional<URI> id) {

        Recipient {
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(id, "id");
            if (email.isEmpty() && id.isEmpty()) {
                throw new IllegalArgumentException("a recipient needs an email address or an id");
            }
            if (email.isPresent() && !email.get().contains("@")) {
                throw new IllegalArgumentException("not an email address: " + email.get());
            }
            if (id.isPresent() && !id.get().isAbsolute()) {
                throw new IllegalArgumentException("the recipient id must be an absolute URI");
            }
        }
    }

    /** The validity period; {@code until}, when given, is after {@code from}. */
    record Validity(Instant from, Optional<Instant> until) {

        Validity {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(until, "until");
            if (until.isPresent() && !until.get().isAfter(from)) {
                throw new IllegalArgumentException(
                        "validUntil (" + until.get() + ") must be after validFrom (" + from + ")");
            }
        }
    }

    /** A position in a Bitstring Status List credential published at {@code list}. */
    record StatusReference(URI list, int index) {

        StatusReference {
            Objects.requireNonNull(list, "list");
            if (!list.isAbsolute()) {
                throw new IllegalArgumentException("--status-list must be an absolute URL");
            }
            if (index < 0) {
                throw new IllegalArgumentException("--status-index must not be negative");
            }
        }
    }
}
