package org.credence.app.bulk;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.credence.app.AppException;
import org.credence.app.achievement.ValidityPolicy;

/**
 * When a bulk row's credential would stop being valid, and whether that is already past: the row's
 * {@code valid_until}, else the achievement's validity policy counted from the row's {@code
 * valid_from} (or the time of issue). The dry run and the job ask at their own moment, so a row
 * whose end passes between the two is caught by the job. Immutable.
 *
 * @param policy the achievement's validity policy
 */
record RowExpiry(ValidityPolicy policy) {

    RowExpiry {
        Objects.requireNonNull(policy, "policy");
    }

    /** The row's end of validity if issued at {@code now}. */
    Optional<Instant> validUntil(BulkRow row, Instant now) {
        return row.validUntil().or(() -> policy.validUntil(row.validFrom().orElse(now)));
    }

    /**
     * Why the row's credential would be expired if issued at {@code now}, or empty when it would
     * not be.
     *
     * @throws AppException {@code INVALID_INPUT} (field {@code valid_until}) when it would end
     *     before it starts: a past {@code valid_until} without {@code valid_from}, which starts at
     *     the time of issue
     */
    Optional<String> expiredAt(BulkRow row, Instant now) {
        Optional<Instant> until = validUntil(row, now);
        if (until.isEmpty() || until.get().isAfter(now)) {
            return Optional.empty();
        }
        if (row.validUntil().isPresent() && row.validFrom().isEmpty()) {
            throw AppException.invalid(
                    "valid_until: "
                            + until.get()
                            + " has passed, and without valid_from the credential would start"
                            + " when issued, after it ends; give valid_from to issue the record of"
                            + " an expired credential");
        }
        return Optional.of(
                "valid_until "
                        + until.get()
                        + (row.validUntil().isPresent() ? "" : " (from the achievement's validity)")
                        + " has passed: the credential would be expired when issued; it is not"
                        + " issued unless the bulk issue is confirmed with expired rows included");
    }
}
