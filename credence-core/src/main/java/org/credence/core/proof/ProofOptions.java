package org.credence.core.proof;

import java.time.Instant;
import java.util.Objects;

/**
 * What a new Data Integrity proof says about itself: the verification method that signs it, its
 * purpose, its creation time, optionally its own id and the proof it chains to, and for an {@code
 * authentication} proof the verifier's {@code challenge} and {@code domain}.
 *
 * @param verificationMethod absolute URL of the verification method (e.g. {@code did:key:z…#z…})
 * @param proofPurpose usually {@code assertionMethod}; {@code authentication} for presentations
 * @param created creation time, written with second precision
 * @param id optional proof id (needed for proof chains), or {@code null}
 * @param previousProof optional id of the proof this one chains to, or {@code null}
 * @param challenge optional challenge given by the verifier, or {@code null}
 * @param domain optional domain the proof is meant for, or {@code null}
 */
public record ProofOptions(
        String verificationMethod,
        String proofPurpose,
        Instant created,
        String id,
        String previousProof,
        String challenge,
        String domain) {

    public ProofOptions {
        Objects.requireNonNull(verificationMethod, "verificationMethod");
        Objects.requireNonNull(proofPurpose, "proofPurpose");
        Objects.requireNonNull(created, "created");
    }

    /** A proof without challenge or domain. */
    public ProofOptions(
            String verificationMethod,
            String proofPurpose,
            Instant created,
            String id,
            String previousProof) {
        this(verificationMethod, proofPurpose, created, id, previousProof, null, null);
    }

    /** An {@code assertionMethod} proof, as issuers make. */
    public static ProofOptions assertion(String verificationMethod, Instant created) {
        return new ProofOptions(verificationMethod, "assertionMethod", created, null, null);
    }

    /**
     * An {@code authentication} proof, as holders make on presentations.
     *
     * @param challenge the verifier's challenge
     * @param domain the verifier's domain, or {@code null}
     */
    public static ProofOptions authentication(
            String verificationMethod, Instant created, String challenge, String domain) {
        Objects.requireNonNull(challenge, "challenge");
        return new ProofOptions(
                verificationMethod, "authentication", created, null, null, challenge, domain);
    }
}
