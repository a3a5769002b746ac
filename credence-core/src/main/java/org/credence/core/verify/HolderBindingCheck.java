package org.credence.core.verify;

import java.util.List;
import org.credence.core.did.VerificationMethod;

/**
 * HOLDER_BINDING: a presentation's verified proof must be made with a key its {@code holder}
 * controls (VC-API: "checking that the holder in the presentation matches the verification method
 * used in the presentation's proof"). Like ISSUER_KEY_BINDING, it compares the method's controller;
 * the controller document's {@code authentication} relationship is not consulted.
 */
final class HolderBindingCheck {

    static final String HOLDER_NOT_KEY_CONTROLLER = "PROOF_OK_HOLDER_NOT_KEY_CONTROLLER";

    private HolderBindingCheck() {}

    /**
     * @param holder the holder id, or {@code null} when the presentation names none
     * @param verified the methods of the presentation's proofs that verified
     */
    static Check check(String holder, List<VerificationMethod> verified) {
        if (verified.isEmpty()) {
            return Check.notApplicable(
                    CheckName.HOLDER_BINDING, "No verified proof to bind to the holder");
        }
        VerificationMethod first = verified.get(0);
        if (holder == null || holder.isEmpty()) {
            return Check.warning(
                    CheckName.HOLDER_BINDING,
                    "NO_HOLDER",
                    "The presentation names no holder; it was signed by "
                            + describe(first.controller()));
        }
        if (verified.stream().anyMatch(method -> method.isControlledBy(holder))) {
            return Check.passed(
                    CheckName.HOLDER_BINDING,
                    "The presentation was signed by its holder " + holder);
        }
        if (first.controller() == null) {
            return Check.couldNotCheck(
                    CheckName.HOLDER_BINDING,
                    "KEY_CONTROLLER_UNKNOWN",
                    "The presentation's key " + first.id() + " names no controller");
        }
        return Check.failed(
                CheckName.HOLDER_BINDING,
                HOLDER_NOT_KEY_CONTROLLER,
                "The signature is valid, but the key "
                        + first.id()
                        + " is controlled by "
                        + first.controller()
                        + ", not by the holder "
                        + holder);
    }

    private static String describe(String controller) {
        return controller == null ? "a key with no named controller" : controller;
    }
}
