package org.credence.core.verify;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a verification found: the named checks in order, the overall verdict derived from
 * them, the credential as read, and the reports of nested credentials (CLR, presentations).
 *
 * @param format how the input was read ({@code json}, {@code jwt}, {@code png}, {@code svg} …)
 * @param credential the credential as decoded from the input, when it could be read
 * @param checks the named checks, each passed / failed / could-not-check / warning / n.a.
 * @param nested reports of credentials nested inside this one
 */
public record VerificationReport(
        String format,
        Optional<JsonObject> credential,
        List<Check> checks,
        List<VerificationReport> nested) {

    public VerificationReport {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(credential, "credential");
        checks = List.copyOf(checks);
        nested = List.copyOf(nested);
    }

    public Verdict verdict() {
        return Verdict.of(checks);
    }

    public boolean isVerified() {
        return verdict() == Verdict.VERIFIED;
    }

    /** The check of that name, if the verification ran it. */
    public Optional<Check> check(CheckName name) {
        return checks.stream().filter(check -> check.name() == name).findFirst();
    }

    /** The checks that failed or could not be made, first the failures. */
    public List<Check> problems() {
        return checks.stream()
                .filter(check -> check.isFailed() || check.isCouldNotCheck())
                .sorted((a, b) -> Boolean.compare(b.isFailed(), a.isFailed()))
                .toList();
    }
}
