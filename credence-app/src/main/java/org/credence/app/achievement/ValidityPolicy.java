package org.credence.app.achievement;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import org.credence.app.AppException;

/**
 * How long credentials of an achievement stay valid: for ever, or a number of months after issue
 * (the credential's {@code validUntil}).
 *
 * @param monthsAfterIssue empty for no expiry; else 1 to 1200
 */
public record ValidityPolicy(Optional<Integer> monthsAfterIssue) {

    public ValidityPolicy {
        Objects.requireNonNull(monthsAfterIssue, "monthsAfterIssue");
        monthsAfterIssue.ifPresent(
                months -> {
                    if (months < 1 || months > 1200) {
                        throw AppException.invalid(
                                "validity: months after issue must be 1 to 1200, not " + months);
                    }
                });
    }

    /** Credentials never expire. */
    public static ValidityPolicy none() {
        return new ValidityPolicy(Optional.empty());
    }

    public static ValidityPolicy monthsAfterIssue(int months) {
        return new ValidityPolicy(Optional.of(months));
    }

    /**
     * The {@code validUntil} of a credential issued at {@code issuedAt} (months counted in UTC).
     */
    public Optional<Instant> validUntil(Instant issuedAt) {
        return monthsAfterIssue.map(
                months -> issuedAt.atOffset(ZoneOffset.UTC).plusMonths(months).toInstant());
    }
}
