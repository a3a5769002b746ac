package org.credence.app.bulk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.credence.core.crypto.Digests;

/**
 * One checked recipient row of a bulk-issue CSV.
 *
 * @param line the 1-based line of the file where the record ends (1 is the header)
 * @param email the recipient's e-mail address, when given (lower-cased domain kept as written)
 * @param identifier another recipient identifier (a DID or an absolute URL), when given
 * @param name the recipient's display name
 * @param narrative how this recipient met the criteria
 * @param result the recipient's result (e.g. a grade)
 * @param creditsEarned credits earned, never negative
 * @param evidence evidence for this recipient, when any evidence column is filled
 * @param validFrom start of validity, overriding the achievement's policy
 * @param validUntil end of validity, overriding the achievement's policy
 * @param idempotencyKey the explicit key from the {@code idempotency_key} column
 */
public record BulkRow(
        long line,
        Optional<String> email,
        Optional<String> identifier,
        Optional<String> name,
        Optional<String> narrative,
        Optional<String> result,
        Optional<BigDecimal> creditsEarned,
        Optional<Evidence> evidence,
        Optional<Instant> validFrom,
        Optional<Instant> validUntil,
        Optional<String> idempotencyKey) {

    /** Evidence columns of a row: at least one of them is filled. */
    public record Evidence(
            Optional<String> url, Optional<String> name, Optional<String> description) {}

    public BulkRow {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(identifier, "identifier");
        if (email.isEmpty() && identifier.isEmpty()) {
            throw new IllegalArgumentException("a row needs an email or an identifier");
        }
    }

    /** The recipient as compared for duplicates: the e-mail (case-insensitive) or identifier. */
    public String recipientKey() {
        return email.map(e -> "mailto:" + e.toLowerCase(Locale.ROOT)).orElseGet(identifier::get);
    }

    /**
     * The key that makes issuing this row idempotent: the explicit {@code idempotency_key}, or else
     * a SHA-256 of the achievement and every value of the row. Uploading the same file again, or
     * retrying after a crash, therefore finds the credential already issued; a deliberate second
     * award to the same person needs a distinct {@code idempotency_key}.
     */
    public String idempotencyKeyFor(UUID achievementId) {
        if (idempotencyKey.isPresent()) {
            return "csv:" + achievementId + ":" + idempotencyKey.get();
        }
        List<String> values =
                List.of(
                        achievementId.toString(),
                        recipientKey(),
                        name.orElse(""),
                        narrative.orElse(""),
                        result.orElse(""),
                        creditsEarned.map(BigDecimal::toPlainString).orElse(""),
                        evidence.flatMap(Evidence::url).orElse(""),
                        evidence.flatMap(Evidence::name).orElse(""),
                        evidence.flatMap(Evidence::description).orElse(""),
                        validFrom.map(Instant::toString).orElse(""),
                        validUntil.map(Instant::toString).orElse(""));
        return "csv-sha256:" + Digests.sha256Hex(String.join("\u001f", values));
    }
}
