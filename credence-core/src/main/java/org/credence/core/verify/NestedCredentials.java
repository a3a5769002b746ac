package org.credence.core.verify;

import java.util.List;

/**
 * The NESTED_CREDENTIALS check over the reports of the credentials a document carries (a CLR's
 * credentials, a presentation's): the worst verdict among them, so one failed credential fails the
 * whole and one that could not be checked keeps the whole from being verified.
 */
final class NestedCredentials {

    private NestedCredentials() {}

    static Check check(List<VerificationReport> reports) {
        Verdict worst = Verdict.of(reports.stream().flatMap(r -> r.problems().stream()).toList());
        long count = reports.stream().filter(r -> r.verdict() == worst).count();
        String counts = reports.size() + " nested credential(s): ";
        return switch (worst) {
            case FAILED ->
                    Check.failed(
                            CheckName.NESTED_CREDENTIALS,
                            "NESTED_CREDENTIAL_FAILED",
                            counts + count + " failed verification");
            case COULD_NOT_CHECK ->
                    Check.couldNotCheck(
                            CheckName.NESTED_CREDENTIALS,
                            "NESTED_CREDENTIAL_UNCHECKED",
                            counts + count + " could not be checked");
            case VERIFIED -> Check.passed(CheckName.NESTED_CREDENTIALS, counts + "all verified");
        };
    }
}
