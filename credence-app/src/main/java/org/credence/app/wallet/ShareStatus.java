package org.credence.app.wallet;

/** What a share link's token finds. */
public enum ShareStatus {
    /** Shared now. */
    SHARED,
    /** The learner revoked it (or deleted its collection), or its credential left the wallet. */
    REVOKED,
    /** Past its expiry. */
    EXPIRED,
    /** No such link. */
    UNKNOWN
}
