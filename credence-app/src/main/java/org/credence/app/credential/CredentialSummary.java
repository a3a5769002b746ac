package org.credence.app.credential;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A credential in an issuer's list: who received what, when, and its state now, with the reason
 * given for its revocation or suspension, and whether it can be suspended at all ({@code
 * suspendable}: its document carries a suspension entry, see {@link
 * org.credence.app.status.StatusPolicy}).
 */
public record CredentialSummary(
        UUID id,
        UUID achievementId,
        int achievementVersion,
        String achievementName,
        Optional<String> recipientEmail,
        Optional<String> recipientIdentifier,
        Optional<String> recipientName,
        SecuringFormat format,
        Instant issuedAt,
        Optional<Instant> validUntil,
        CredentialState state,
        Optional<String> statusReason,
        boolean suspendable) {

    public CredentialSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(achievementName, "achievementName");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(statusReason, "statusReason");
    }
}
