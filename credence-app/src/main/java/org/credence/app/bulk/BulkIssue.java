package org.credence.app.bulk;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A bulk issue and its counts. Rows are counted once each: {@code rowCount = problemCount +
 * skippedCount + excluded expired + pending + issuedCount + failedCount}.
 *
 * @param skippedCount rows whose credential was already issued (an earlier upload of the same
 *     rows): they are not issued again
 * @param failedCount rows refused while issuing (after the dry run)
 * @param expiredCount rows whose credential would be expired when issued (found by the dry run, or
 *     by the job when their end passed after the dry run)
 * @param includeExpired whether the issuer confirmed that expired rows are issued too; otherwise
 *     they are excluded
 */
public record BulkIssue(
        UUID id,
        UUID organisationId,
        UUID issuerId,
        UUID achievementId,
        String fileName,
        String format,
        boolean sendEmail,
        BulkState state,
        int rowCount,
        int problemCount,
        int skippedCount,
        int issuedCount,
        int failedCount,
        int expiredCount,
        boolean includeExpired,
        Optional<UUID> jobId,
        Instant createdAt,
        Optional<Instant> confirmedAt,
        Optional<Instant> finishedAt) {

    public BulkIssue {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
    }

    /**
     * Rows that will be issued by the job (after the dry run): neither refused nor skipped, nor
     * expired unless expired rows are included.
     */
    public int issuableCount() {
        return rowCount - problemCount - skippedCount - excludedCount();
    }

    /** Expired rows that are not issued: all of them, unless the issuer included them. */
    public int excludedCount() {
        return includeExpired ? 0 : expiredCount;
    }

    /** Rows of the job not yet done. */
    public int pendingCount() {
        return issuableCount() - issuedCount - failedCount;
    }

    /** Progress of the job, 0 to 100. */
    public int percentDone() {
        int issuable = issuableCount();
        return issuable == 0 ? 100 : (int) (100L * (issuedCount + failedCount) / issuable);
    }
}
