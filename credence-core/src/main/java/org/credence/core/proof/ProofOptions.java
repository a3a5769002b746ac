package org.credence.core.proof;

import java.time.Instant;
import java.util.Objects;

/**
 * What a new Data Integrity proof says about itself: the verification method that signs it, its
 * purpose, its creation time, and optionally its own id and the proof it chains to.
 *
 * @param verificationMethod absolute URL of the verification method (e.g. {@code did:key:z…#z…})
 * @param proofPurpose usually {@code assertionMethod}
 * @param created creation time, written with second precision
 * @param id optional proof id (needed for proof chains), or {@code null}
 * @param previousProof optional id of the proof this one chains to, or {@code null}
 */
public record ProofOptions(
        String verificationMethod,
        String proofPurpose,
        Instant created,
        String id,
        String previousProof) {

    public ProofOptions {
        Objects.requireNonNull(verificationMethod, "verificationMethod");
        Objects.requireNonNull(proofPurpose, "proofPurpose");
        Objects.requireNonNull(created, "created");
    }

    /** An {@code assertionMethod} proof, as issuers make. */
    public static ProofOptions assertion(String verificationMethod, Instant created) {
        return new ProofOptions(verificationMethod, "assertionMethod", created, null, null);
    }
}
