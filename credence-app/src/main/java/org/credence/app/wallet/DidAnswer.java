package org.credence.app.wallet;

import java.util.Optional;
import org.credence.core.json.JsonValues;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.CheckStatus;
import org.credence.core.verify.PresentationVerifier;
import org.credence.core.verify.Verdict;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;

/**
 * Whether a verification report (made with the challenge and domain in its {@link VerifyOptions})
 * shows DID authentication by one DID: a presentation, VERIFIED, its PROOF and HOLDER_BINDING
 * checks passed, and its {@code holder} that DID. Stateless.
 */
final class DidAnswer {

    private DidAnswer() {}

    /** Why the report does not authenticate {@code did}, or empty when it does. */
    static Optional<String> refusal(VerificationReport report, String did) {
        if (report.credential().filter(PresentationVerifier::isPresentation).isEmpty()) {
            return Optional.of(
                    "this is not a Verifiable Presentation ("
                            + report.problems().stream()
                                    .findFirst()
                                    .map(Check::message)
                                    .orElse("no presentation found")
                            + ")");
        }
        Optional<String> check =
                notPassed(report, CheckName.PROOF)
                        .or(() -> notPassed(report, CheckName.HOLDER_BINDING));
        if (check.isPresent()) {
            return check;
        }
        String holder = JsonValues.idOf(report.credential().get(), "holder").orElse("");
        if (!holder.equals(did)) {
            return Optional.of(
                    "the presentation's holder is "
                            + (holder.isEmpty() ? "not named" : holder)
                            + ", not the DID "
                            + did);
        }
        if (report.verdict() != Verdict.VERIFIED) {
            return Optional.of(
                    report.problems().stream()
                            .findFirst()
                            .map(Check::message)
                            .orElse("the presentation does not verify"));
        }
        return Optional.empty();
    }

    private static Optional<String> notPassed(VerificationReport report, CheckName name) {
        Optional<Check> check = report.check(name);
        if (check.map(c -> c.status() == CheckStatus.PASSED).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(
                check.map(Check::message)
                        .orElse("the presentation has no " + name.label() + " check"));
    }
}
