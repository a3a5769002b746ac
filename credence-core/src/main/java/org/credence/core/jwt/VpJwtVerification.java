package org.credence.core.jwt;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.credence.core.did.VerificationMethod;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;

/**
 * What verifying one VP-JWT found. Immutable, thread-safe.
 *
 * @param presentation the decoded presentation, or {@code null} when the JWT could not be decoded
 * @param holder the holder: the presentation's {@code holder}, else the JWT's {@code iss}; or
 *     {@code null} when neither names one
 * @param verificationMethod the key that was checked, or {@code null} when none was found
 * @param checks SYNTAX, PROOF and JWT_CLAIMS (a check may be missing when an earlier one made it
 *     impossible)
 */
public record VpJwtVerification(
        JsonObject presentation,
        String holder,
        VerificationMethod verificationMethod,
        List<Check> checks) {

    public VpJwtVerification {
        checks = List.copyOf(Objects.requireNonNull(checks, "checks"));
    }

    /** The check named {@code name}, if it was run. */
    public Optional<Check> check(CheckName name) {
        return checks.stream().filter(check -> check.name() == name).findFirst();
    }
}
