package org.credence.app.wallet;

/** What a share link's token finds. */
public enum ShareStatus {
    /** Shared now. */
    SHARED,
    /** The learner revoked it, or what it shared has left the wallet. */
    REVOKED,
    /** Past its expiry. */
    EXPIRED,
    /** No such link (never made, or its collection was deleted). */
    UNKNOWN
}
