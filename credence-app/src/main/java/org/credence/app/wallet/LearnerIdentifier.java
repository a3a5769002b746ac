package org.credence.app.wallet;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One of a learner's identifiers. Only verified identifiers count: credentials issued to a verified
 * e-mail address or DID appear in the wallet, and imports addressed to one carry no warning.
 *
 * @param id the identifier's id
 * @param kind e-mail address or DID
 * @param value the address (lowercased) or the DID
 * @param verifiedAt when it was verified, if it was
 * @param codePending whether a code was sent (an address) or a challenge given (a DID) and can
 *     still be answered
 * @param challenge a DID's pending challenge, while it can be answered
 */
public record LearnerIdentifier(
        UUID id,
        IdentifierKind kind,
        String value,
        Optional<Instant> verifiedAt,
        boolean codePending,
        Optional<String> challenge) {

    public LearnerIdentifier {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
        Objects.requireNonNull(challenge, "challenge");
    }

    public boolean verified() {
        return verifiedAt.isPresent();
    }
}
