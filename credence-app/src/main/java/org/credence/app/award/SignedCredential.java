package org.credence.app.award;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.status.StatusPolicy;
import org.credence.app.status.StatusSlot;

/** A credential signed and ready to store, with what its row records. */
record SignedCredential(
        UUID id,
        UUID organisationId,
        UUID issuerId,
        UUID achievementId,
        int achievementVersion,
        String achievementName,
        String issuerName,
        IssueRequest request,
        StatusSlot slot,
        StatusPolicy statusPolicy,
        String document,
        Instant issuedAt,
        Instant validFrom,
        Optional<Instant> validUntil) {

    /** What a post-store hook learns about it. */
    StoredAward stored() {
        return new StoredAward(
                id, organisationId, request.recipient(), achievementName, issuerName);
    }

    IssuedCredential issued(String baseUrl) {
        return new IssuedCredential(
                id, baseUrl + "/credentials/" + id, request.format(), document, issuedAt, false);
    }
}
