package org.credence.app.delivery;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A credential's delivery, for the issuer.
 *
 * @param credentialId the credential
 * @param state where delivery is
 * @param email the address it goes to
 * @param emailsQueued how many e-mails were queued for it (first plus resends)
 * @param lastSentAt when an e-mail for it was last accepted by the SMTP server
 * @param claimedAt when it was first claimed
 * @param lastError why the latest e-mail failed or bounced
 */
public record CredentialDelivery(
        UUID credentialId,
        DeliveryState state,
        String email,
        int emailsQueued,
        Optional<Instant> lastSentAt,
        Optional<Instant> claimedAt,
        Optional<String> lastError) {

    public CredentialDelivery {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(lastSentAt, "lastSentAt");
        Objects.requireNonNull(claimedAt, "claimedAt");
        Objects.requireNonNull(lastError, "lastError");
    }
}
