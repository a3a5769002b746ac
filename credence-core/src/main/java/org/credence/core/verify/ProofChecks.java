package org.credence.core.verify;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;
import org.credence.core.did.VerificationMethod;
import org.credence.core.json.JsonValues;
import org.credence.core.proof.ProofCodes;
import org.credence.core.proof.ProofResult;

/** Turns per-proof results into the report's PROOF and ISSUER_KEY_BINDING checks. */
final class ProofChecks {

    private ProofChecks() {}

    /**
     * PROOF: failed if any proof failed; passed if at least one verified (unsupported ones are
     * mentioned); otherwise could not check.
     */
    static Check proof(List<ProofResult> results) {
        if (results.isEmpty()) {
            return Check.failed(
                    CheckName.PROOF, ProofCodes.NO_PROOF, "The credential has no proof");
        }
        for (ProofResult result : results) {
            if (result.status() == CheckStatus.FAILED) {
                return Check.failed(CheckName.PROOF, result.code(), result.message());
            }
        }
        List<ProofResult> passed = results.stream().filter(ProofResult::passed).toList();
        if (passed.isEmpty()) {
            ProofResult first = results.get(0);
            return Check.couldNotCheck(CheckName.PROOF, first.code(), first.message());
        }
        String skipped =
                results.stream()
                        .filter(result -> !result.passed())
                        .map(ProofResult::message)
                        .collect(Collectors.joining("; "));
        String message =
                passed.stream().map(ProofResult::message).collect(Collectors.joining("; "));
        return Check.passed(
                CheckName.PROOF,
                skipped.isEmpty() ? message : message + " (not checked: " + skipped + ")");
    }

    /** ISSUER_KEY_BINDING: a verified proof must be made with a key the issuer controls. */
    static Check issuerBinding(JsonObject credential, List<VerificationMethod> verifiedMethods) {
        if (verifiedMethods.isEmpty()) {
            return Check.notApplicable(
                    CheckName.ISSUER_KEY_BINDING, "No verified proof to bind to the issuer");
        }
        String issuer = JsonValues.idOf(credential, "issuer").orElse("");
        for (VerificationMethod method : verifiedMethods) {
            if (issuer.equals(method.controller())) {
                return Check.passed(
                        CheckName.ISSUER_KEY_BINDING,
                        "The signing key " + method.id() + " belongs to the issuer " + issuer);
            }
        }
        VerificationMethod first = verifiedMethods.get(0);
        if (first.controller() == null) {
            return Check.couldNotCheck(
                    CheckName.ISSUER_KEY_BINDING,
                    HeaderKeyBinding.KEY_NOT_PUBLISHED,
                    "The signature is valid, but the key "
                            + first.id()
                            + " came with the signature and no one is named as its owner: it"
                            + " cannot be confirmed that the issuer signed it");
        }
        return Check.failed(
                CheckName.ISSUER_KEY_BINDING,
                ProofCodes.ISSUER_NOT_KEY_CONTROLLER,
                "The signature is valid, but the key "
                        + first.id()
                        + " is controlled by "
                        + first.controller()
                        + ", not by the issuer "
                        + (issuer.isEmpty() ? "(none named)" : issuer));
    }
}
