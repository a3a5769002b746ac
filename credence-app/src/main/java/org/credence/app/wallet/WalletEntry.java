package org.credence.app.wallet;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.credence.core.verify.Verdict;
import org.credence.core.verify.VerificationReport;

/**
 * A credential in a learner's wallet, verified again just now.
 *
 * @param id for issued credentials their public id; for imports the import's id
 * @param source issued here or imported
 * @param facts what the credential says, as verified
 * @param report the verification just made (status lists as the verifier caches them)
 * @param addressed whether it names one of the learner's verified identifiers (issued ones always
 *     do: they were issued to, or claimed by, the learner); imports that do not carry a warning
 * @param importFormat how an import was read ({@code json}, {@code jwt}, {@code png}, {@code svg})
 * @param sourceUrl where an import was fetched from
 * @param importVerdict the headline it had when imported: an {@code Assurance.Level} name (older
 *     imports: a {@code Verdict} name)
 * @param effortHours the achievement's effort hours (issued here only)
 * @param document the credential as text (JSON or compact JWS)
 * @param addedAt when it was claimed, imported, or issued
 */
public record WalletEntry(
        UUID id,
        CredentialSource source,
        CredentialFacts facts,
        VerificationReport report,
        boolean addressed,
        Optional<String> importFormat,
        Optional<String> sourceUrl,
        Optional<String> importVerdict,
        Optional<BigDecimal> effortHours,
        String document,
        Instant addedAt) {

    public WalletEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(addedAt, "addedAt");
    }

    public Verdict verdict() {
        return report.verdict();
    }

    /** Whether it counts in the skills summary: it verifies now and names the learner. */
    public boolean counts() {
        return report.isVerified() && addressed;
    }
}
