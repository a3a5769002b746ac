package org.credence.core.proof;

import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.Optional;
import org.credence.core.json.JsonValues;
import org.credence.core.verify.CheckStatus;

/**
 * What a verifier expects of each proof beyond a valid signature (VC Data Integrity 1.0, "Verify
 * Proof"): the proof purpose, and when the verifier gave them, the {@code challenge} (equal) and
 * the {@code domain} (equal, or among the proof's domains). A proof that carries a challenge the
 * verifier did not ask for is not compared, as the specification says.
 *
 * @param proofPurpose e.g. {@code authentication} for presentations
 * @param challenge the challenge the verifier gave, if any
 * @param domain the domain the verifier gave, if any
 */
public record ProofExpectations(
        String proofPurpose, Optional<String> challenge, Optional<String> domain) {

    public ProofExpectations {
        Objects.requireNonNull(proofPurpose, "proofPurpose");
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(domain, "domain");
    }

    /**
     * The result unchanged when the proof meets the expectations (or already failed), else failed
     * with {@link ProofCodes#WRONG_PROOF_PURPOSE}, {@link ProofCodes#INVALID_CHALLENGE} or {@link
     * ProofCodes#INVALID_DOMAIN}.
     */
    public ProofResult apply(ProofResult result) {
        if (result.status() == CheckStatus.FAILED) {
            return result;
        }
        JsonObject proof = result.proof();
        String purpose = JsonValues.string(proof, "proofPurpose").orElse("");
        if (!proofPurpose.equals(purpose)) {
            return failed(
                    result,
                    ProofCodes.WRONG_PROOF_PURPOSE,
                    "The proof's purpose is \""
                            + purpose
                            + "\", not \""
                            + proofPurpose
                            + "\": it was not made to present");
        }
        Optional<String> proofChallenge = JsonValues.string(proof, "challenge");
        if (challenge.isPresent() && !challenge.equals(proofChallenge)) {
            return failed(
                    result,
                    ProofCodes.INVALID_CHALLENGE,
                    proofChallenge
                                    .map(c -> "The proof answers challenge \"" + c + "\", ")
                                    .orElse("The proof has no challenge, ")
                            + "not the one given (\""
                            + challenge.get()
                            + "\"): it may be replayed");
        }
        if (domain.isPresent() && !JsonValues.strings(proof, "domain").contains(domain.get())) {
            return failed(
                    result,
                    ProofCodes.INVALID_DOMAIN,
                    "The proof is not bound to the domain \"" + domain.get() + "\"");
        }
        return result;
    }

    private static ProofResult failed(ProofResult result, String code, String message) {
        return new ProofResult(result.proof(), CheckStatus.FAILED, code, message, result.method());
    }
}
