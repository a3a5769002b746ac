package org.credence.app.delivery;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a claim link stands for, read without claiming (mail scanners open links; only the earner's
 * explicit action claims).
 *
 * @param credentialId the credential it delivers
 * @param email the address the link was sent to: what the earner proves by holding it
 * @param expiresAt until when it may be used for a first claim
 * @param claimedAt when this link was used, if it was
 */
public record ClaimLink(
        UUID credentialId, String email, Instant expiresAt, Optional<Instant> claimedAt) {

    public ClaimLink {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(claimedAt, "claimedAt");
    }

    /** Whether it can no longer make a first claim at {@code now} (a claimed link always works). */
    public boolean expired(Instant now) {
        return claimedAt.isEmpty() && !now.isBefore(expiresAt);
    }
}
