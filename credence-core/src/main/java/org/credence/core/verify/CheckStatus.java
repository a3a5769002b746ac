package org.credence.core.verify;

/** Outcome of one named verification check. */
public enum CheckStatus {
    /** The check ran and the credential satisfies it. */
    PASSED,
    /** The check ran and the credential does not satisfy it. */
    FAILED,
    /**
     * The check could not be carried out (a document could not be fetched, a feature is not
     * supported). Never to be read as "passed": "could not fetch the status list" is not "not
     * revoked".
     */
    COULD_NOT_CHECK,
    /**
     * The check ran and found something the verifier should know that does not make the credential
     * invalid (e.g. not conformant to the Open Badges JSON Schema, an issuer not in the registry).
     */
    WARNING,
    /** The check does not apply to this credential (e.g. no status entry, no recipient given). */
    NOT_APPLICABLE
}
