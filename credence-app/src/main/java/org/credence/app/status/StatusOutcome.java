package org.credence.app.status;

/** What a revoke, suspend or unsuspend did to one credential. */
public enum StatusOutcome {
    /** Revoked now. */
    REVOKED,
    /** It was already revoked: nothing changed, nothing audited. */
    ALREADY_REVOKED,
    /** Suspended now. */
    SUSPENDED,
    /** It was already suspended: nothing changed. */
    ALREADY_SUSPENDED,
    /** No longer suspended. */
    UNSUSPENDED,
    /** It was not suspended: nothing changed. */
    NOT_SUSPENDED,
    /** Refused: the credential is revoked, and revocation is final. */
    REFUSED_REVOKED,
    /** No such credential in the organisation. */
    NOT_FOUND;

    /** Whether this changed the credential's status. */
    public boolean changed() {
        return this == REVOKED || this == SUSPENDED || this == UNSUSPENDED;
    }
}
