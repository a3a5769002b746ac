package org.credence.app.status;

/** What a revoke, suspend or unsuspend did to one credential, with a sentence for people. */
public enum StatusOutcome {
    /** Revoked now. */
    REVOKED("Revoked"),
    /** It was already revoked: nothing changed, nothing audited. */
    ALREADY_REVOKED("The credential was already revoked"),
    /** Suspended now. */
    SUSPENDED("Suspended"),
    /** It was already suspended: nothing changed. */
    ALREADY_SUSPENDED("The credential was already suspended"),
    /** No longer suspended. */
    UNSUSPENDED("Suspension lifted"),
    /** It was not suspended: nothing changed. */
    NOT_SUSPENDED("The credential is not suspended"),
    /** Refused: the credential is revoked, and revocation is final. */
    REFUSED_REVOKED("The credential is revoked; revocation is final"),
    /** Refused: the credential was issued with a revocation entry only ({@link StatusPolicy}). */
    REFUSED_NOT_SUSPENDABLE(
            "This credential was issued revocable only; it has no suspension entry"),
    /** Refused: the credential was issued without a status entry (VC-API, on request). */
    REFUSED_NO_STATUS(
            "This credential was issued without a status entry; it cannot be revoked or"
                    + " suspended"),
    /** No such credential in the organisation. */
    NOT_FOUND("No such credential");

    private final String description;

    StatusOutcome(String description) {
        this.description = description;
    }

    /** One sentence saying what happened, for pages and API problems. */
    public String description() {
        return description;
    }

    /** Whether this changed the credential's status. */
    public boolean changed() {
        return this == REVOKED || this == SUSPENDED || this == UNSUSPENDED;
    }
}
