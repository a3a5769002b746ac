package org.credence.core.proof;

import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.Optional;
import org.credence.core.did.VerificationMethod;
import org.credence.core.verify.CheckStatus;

/**
 * The outcome of checking one proof of a proof set.
 *
 * @param proof the proof object as found in the document
 * @param status {@code PASSED} when the signature is valid, {@code FAILED} when it is not, {@code
 *     COULD_NOT_CHECK} when the key could not be resolved or the suite is not supported
 * @param code machine code from {@link ProofCodes} ({@code OK} when passed)
 * @param message plain-language reason
 * @param method the resolved verification method, when resolution succeeded
 */
public record ProofResult(
        JsonObject proof,
        CheckStatus status,
        String code,
        String message,
        Optional<VerificationMethod> method) {

    public ProofResult {
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(method, "method");
    }

    static ProofResult passed(JsonObject proof, VerificationMethod method, String message) {
        return new ProofResult(proof, CheckStatus.PASSED, "OK", message, Optional.of(method));
    }

    static ProofResult failed(JsonObject proof, String code, String message) {
        return new ProofResult(proof, CheckStatus.FAILED, code, message, Optional.empty());
    }

    static ProofResult failed(
            JsonObject proof, String code, String message, VerificationMethod method) {
        return new ProofResult(proof, CheckStatus.FAILED, code, message, Optional.of(method));
    }

    static ProofResult couldNotCheck(JsonObject proof, String code, String message) {
        return new ProofResult(proof, CheckStatus.COULD_NOT_CHECK, code, message, Optional.empty());
    }

    public boolean passed() {
        return status == CheckStatus.PASSED;
    }

    /** The proof's {@code verificationMethod} as written, or an empty string. */
    public String verificationMethodUrl() {
        return proof.getString("verificationMethod", "");
    }
}
