package org.credence.core.proof;

/**
 * Machine codes of proof checks. Names follow the verdicts of the reference verifiers
 * ({@code @digitalbazaar/vc}, DCC verifier-core) so reports can be compared across implementations.
 */
public final class ProofCodes {
    public static final String NO_PROOF = "NO_PROOF";
    public static final String INVALID_PROOF = "INVALID_PROOF";
    public static final String MALFORMED_PROOF = "MALFORMED_PROOF";
    public static final String UNSUPPORTED_CRYPTOSUITE = "UNSUPPORTED_CRYPTOSUITE_OR_PROOF_TYPE";
    public static final String CONTEXT_MISMATCH = "PROOF_CONTEXT_MISMATCH";
    public static final String KEY_NOT_RESOLVABLE = "KEY_NOT_RESOLVABLE";
    public static final String WRONG_KEY_TYPE = "WRONG_KEY_TYPE";
    public static final String ISSUER_NOT_KEY_CONTROLLER = "PROOF_OK_ISSUER_NOT_KEY_CONTROLLER";
    public static final String WRONG_PROOF_PURPOSE = "WRONG_PROOF_PURPOSE";
    public static final String MISSING_PREVIOUS_PROOF = "MISSING_PREVIOUS_PROOF";

    /** VC Data Integrity: the proof's challenge is not the one the verifier gave. */
    public static final String INVALID_CHALLENGE = "INVALID_CHALLENGE";

    /** VC Data Integrity: the proof's domain does not include the one the verifier gave. */
    public static final String INVALID_DOMAIN = "INVALID_DOMAIN";

    private ProofCodes() {}
}
