package org.credence.app.credential;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A row of {@code credentials}, as the stores read it. */
record CredentialRow(
        UUID id,
        UUID organisationId,
        UUID issuerId,
        UUID achievementId,
        int achievementVersion,
        String achievementName,
        Optional<String> recipientEmail,
        Optional<String> recipientIdentifier,
        Optional<String> recipientName,
        boolean showName,
        SecuringFormat format,
        String document,
        Instant issuedAt,
        Instant validFrom,
        Optional<Instant> validUntil,
        Optional<Instant> revokedAt,
        boolean suspended,
        boolean suspendable,
        Optional<String> statusReason,
        boolean statusReasonPublic) {

    /** The reason the world may read: the issuer's, unless the issuer kept it private. */
    Optional<String> publicStatusReason() {
        return statusReasonPublic ? statusReason : Optional.empty();
    }
}
