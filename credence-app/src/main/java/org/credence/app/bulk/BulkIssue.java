package org.credence.app.bulk;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A bulk issue and its counts. Rows are counted once each: {@code rowCount = problemCount +
 * skippedCount + pending + issuedCount + failedCount}.
 *
 * @param skippedCount rows whose credential was already issued (an earlier upload of the same
 *     rows): they are not issued again
 * @param failedCount rows refused while issuing (after the dry run)
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
        Optional<UUID> jobId,
        Instant createdAt,
        Optional<Instant> confirmedAt,
        Optional<Instant> finishedAt) {

    public BulkIssue {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
    }

    /** Rows that will be issued by the job (after the dry run): neither refused nor skipped. */
    public int issuableCount() {
        return rowCount - problemCount - skippedCount;
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
