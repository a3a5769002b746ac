package org.credence.app.credential;

/** A credential's current standing, as pages and listings show it. Revocation wins over all. */
public enum CredentialState {
    VALID,
    REVOKED,
    SUSPENDED,
    EXPIRED,
    NOT_YET_VALID;

    /** The state of a credential with these status columns at {@code now}. */
    static CredentialState of(CredentialRow row, java.time.Instant now) {
        if (row.revokedAt().isPresent()) {
            return REVOKED;
        }
        if (row.suspended()) {
            return SUSPENDED;
        }
        if (row.validUntil().isPresent() && !now.isBefore(row.validUntil().get())) {
            return EXPIRED;
        }
        return now.isBefore(row.validFrom()) ? NOT_YET_VALID : VALID;
    }
}
