package org.credence.app.status;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A change of a credential's status that has just been made, for those who react to it in the same
 * transaction (the recipient's e-mail).
 *
 * @param organisationId the credential's organisation
 * @param credentialId the credential
 * @param outcome {@link StatusOutcome#REVOKED}, {@link StatusOutcome#SUSPENDED} or {@link
 *     StatusOutcome#UNSUSPENDED}
 * @param reason the issuer's reason (empty for a lifted suspension)
 * @param at when it changed
 */
public record StatusChange(
        UUID organisationId,
        UUID credentialId,
        StatusOutcome outcome,
        StatusReason reason,
        Instant at) {

    public StatusChange {
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        if (!Objects.requireNonNull(outcome, "outcome").changed()) {
            throw new IllegalArgumentException("outcome: not a change: " + outcome);
        }
    }
}
