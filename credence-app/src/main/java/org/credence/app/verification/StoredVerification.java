package org.credence.app.verification;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.credence.core.verify.VerificationReport;

/**
 * A verification kept for its shareable link ({@code /verify/results/<id>}).
 *
 * @param id the random id of the link
 * @param checkedAt when the verification ran
 * @param expiresAt when the link stops working
 * @param document the credential as verified: its JSON or compact JWS (from a baked image, the
 *     credential inside it; empty when nothing readable was given)
 * @param report what the verification found
 */
public record StoredVerification(
        UUID id, Instant checkedAt, Instant expiresAt, String document, VerificationReport report) {

    public StoredVerification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(checkedAt, "checkedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(report, "report");
    }
}
