package org.credence.core.jwt;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;

/**
 * The Open Badges 3.0 VC-JWT rules: each registered claim that is present must equal the credential
 * field it stands for, and the JWT and the credential must be valid at the clock's time. Absent
 * claims are not failures (the reference verifiers accept them). Stateless, thread-safe.
 */
final class JwtClaimRules {

    /** A check and the names of the rules it found broken. */
    record Result(Check check, List<String> failures) {}

    private JwtClaimRules() {}

    static Result bindings(JsonObject claims, JsonObject credential, Instant now) {
        List<String> failures = new ArrayList<>();
        bind(
                failures,
                "issMatchesIssuer",
                claims.get("iss"),
                CredentialFields.issuerId(credential));
        bind(
                failures,
                "subMatchesSubject",
                claims.get("sub"),
                CredentialFields.subjectId(credential));
        bind(failures, "jtiMatchesId", claims.get("jti"), CredentialFields.id(credential));
        bindTime(
                failures,
                "nbfMatchesValidFrom",
                claims.get("nbf"),
                CredentialFields.validFrom(credential));
        bindTime(
                failures,
                "expMatchesValidUntil",
                claims.get("exp"),
                CredentialFields.validUntil(credential));
        seconds(claims.get("exp"))
                .filter(exp -> !now.isBefore(Instant.ofEpochSecond(exp)))
                .ifPresent(exp -> failures.add("notExpired"));
        seconds(claims.get("nbf"))
                .filter(nbf -> now.isBefore(Instant.ofEpochSecond(nbf)))
                .ifPresent(nbf -> failures.add("notBefore"));
        return result(CheckName.JWT_CLAIMS, "JWT_CLAIMS_MISMATCH", failures, "JWT claims");
    }

    static Result validity(JsonObject credential, Instant now) {
        List<String> failures = new ArrayList<>();
        CredentialFields.validFrom(credential)
                .flatMap(CredentialFields::instant)
                .filter(now::isBefore)
                .ifPresent(from -> failures.add("validFromReached"));
        CredentialFields.validUntil(credential)
                .flatMap(CredentialFields::instant)
                .filter(until -> !now.isBefore(until))
                .ifPresent(until -> failures.add("validUntilNotPassed"));
        return result(CheckName.VALIDITY, "OUTSIDE_VALIDITY_PERIOD", failures, "validity dates");
    }

    private static Result result(
            CheckName name, String code, List<String> failures, String subject) {
        Check check =
                failures.isEmpty()
                        ? Check.passed(name, subject + " are consistent with the credential")
                        : Check.failed(
                                name, code, subject + " failed: " + String.join(", ", failures));
        return new Result(check, List.copyOf(failures));
    }

    private static void bind(
            List<String> failures, String rule, JsonValue claim, Optional<String> field) {
        if (claim == null) {
            return;
        }
        boolean matches =
                claim instanceof JsonString s && field.filter(s.getString()::equals).isPresent();
        if (!matches) {
            failures.add(rule);
        }
    }

    private static void bindTime(
            List<String> failures, String rule, JsonValue claim, Optional<String> field) {
        if (claim == null) {
            return;
        }
        Optional<Long> fieldSeconds =
                field.flatMap(CredentialFields::instant).map(Instant::getEpochSecond);
        if (seconds(claim).isEmpty() || !seconds(claim).equals(fieldSeconds)) {
            failures.add(rule);
        }
    }

    private static Optional<Long> seconds(JsonValue claim) {
        return claim instanceof JsonNumber number
                ? Optional.of(number.bigDecimalValue().longValue())
                : Optional.empty();
    }
}
