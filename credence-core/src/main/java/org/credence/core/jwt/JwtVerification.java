package org.credence.core.jwt;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.credence.core.did.VerificationMethod;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.CheckStatus;

/**
 * What verifying one VC-JWT found. Immutable, thread-safe.
 *
 * @param credential the decoded credential, or {@code null} when the JWT could not be decoded
 * @param form how the JWT carried the credential, or {@code null} when it could not be decoded
 * @param verificationMethod the key that was checked, or {@code null} when none was found or the
 *     key is an RSA {@code jwk} header; its controller is {@code null} when the key came from a
 *     {@code jwk} header
 * @param checks SYNTAX, PROOF, JWT_CLAIMS and VALIDITY, in that order (a check may be missing when
 *     an earlier one made it impossible)
 * @param failures names of the failed claim and date rules: {@code issMatchesIssuer}, {@code
 *     subMatchesSubject}, {@code jtiMatchesId}, {@code nbfMatchesValidFrom}, {@code
 *     expMatchesValidUntil}, {@code notExpired}, {@code notBefore}, {@code validFromReached},
 *     {@code validUntilNotPassed}
 */
public record JwtVerification(
        JsonObject credential,
        JwtForm form,
        VerificationMethod verificationMethod,
        List<Check> checks,
        List<String> failures) {

    public JwtVerification {
        checks = List.copyOf(Objects.requireNonNull(checks, "checks"));
        failures = List.copyOf(Objects.requireNonNull(failures, "failures"));
    }

    /** The check named {@code name}, if it was run. */
    public Optional<Check> check(CheckName name) {
        return checks.stream().filter(check -> check.name() == name).findFirst();
    }

    /** Whether every check passed (or did not apply): nothing failed, nothing went unchecked. */
    public boolean isVerified() {
        return !checks.isEmpty()
                && checks.stream()
                        .allMatch(
                                check ->
                                        check.status() == CheckStatus.PASSED
                                                || check.status() == CheckStatus.NOT_APPLICABLE);
    }
}
