package org.credence.app.award;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.credential.SecuringFormat;
import org.credence.app.issuer.WebReferences;
import org.credence.core.crypto.Digests;
import org.credence.core.json.Jsons;

/**
 * What to award: an achievement (at its current version) by an issuer to a recipient, with optional
 * narrative, evidence, result and credits. Validated on construction; every failure is {@link
 * org.credence.app.Problem#INVALID_INPUT} with a message starting with the field's name. Start with
 * {@link #of} and add optional parts with the {@code with…} methods.
 *
 * @param validFrom empty for the time of issue
 * @param validUntil empty for the achievement's validity policy
 * @param idempotencyKey a client's key: the same key with the same request returns the credential
 *     issued the first time; with a different request it is a conflict
 */
public record IssueRequest(
        UUID issuerId,
        UUID achievementId,
        AwardRecipient recipient,
        Optional<String> narrative,
        List<EvidenceInput> evidence,
        Optional<String> result,
        Optional<BigDecimal> creditsEarned,
        Optional<Instant> validFrom,
        Optional<Instant> validUntil,
        SecuringFormat format,
        Optional<String> idempotencyKey) {

    public IssueRequest {
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(achievementId, "achievementId");
        Objects.requireNonNull(recipient, "recipient");
        narrative = text("narrative", narrative, 20000);
        evidence = List.copyOf(evidence);
        if (evidence.size() > 100) {
            throw AppException.invalid("evidence: at most 100 items");
        }
        result = text("result", result, 1000);
        Objects.requireNonNull(creditsEarned, "creditsEarned");
        creditsEarned.ifPresent(
                credits -> {
                    if (credits.signum() < 0 || credits.compareTo(new BigDecimal("1000")) > 0) {
                        throw AppException.invalid("creditsEarned: must be 0 to 1000");
                    }
                });
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        if (validFrom.isPresent()
                && validUntil.isPresent()
                && !validUntil.get().isAfter(validFrom.get())) {
            throw AppException.invalid("validUntil: must be after validFrom");
        }
        Objects.requireNonNull(format, "format");
        idempotencyKey = text("idempotencyKey", idempotencyKey, 200);
    }

    /** A Data Integrity credential with the required parts only. */
    public static IssueRequest of(UUID issuerId, UUID achievementId, AwardRecipient recipient) {
        return new IssueRequest(
                issuerId,
                achievementId,
                recipient,
                Optional.empty(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                SecuringFormat.DATA_INTEGRITY,
                Optional.empty());
    }

    public IssueRequest withNarrative(String value) {
        return new IssueRequest(
                issuerId,
                achievementId,
                recipient,
                Optional.of(value),
                evidence,
                result,
                creditsEarned,
                validFrom,
                validUntil,
                format,
                idempotencyKey);
    }

    public IssueRequest withEvidence(List<EvidenceInput> value) {
        return new IssueRequest(
                issuerId,
                achievementId,
                recipient,
                narrative,
                value,
                result,
                creditsEarned,
                validFrom,
                validUntil,
                format,
                idempotencyKey);
    }

    public IssueRequest withResult(String value) {
        return new IssueRequest(
                issuerId,
                achievementId,
                recipient,
                narrative,
                evidence,
                Optional.of(value),
                creditsEarned,
                validFrom,
                validUntil,
                format,
                idempotencyKey);
    }

    public IssueRequest withCreditsEarned(BigDecimal value) {
        return new IssueRequest(
                issuerId,
                achievementId,
                recipient,
                narrative,
                evidence,
                result,
                Optional.of(value),
                validFrom,
                validUntil,
                format,
                idempotencyKey);
    }

    public IssueRequest withValidFrom(Instant value) {
        return new IssueRequest(
                issuerId,
                achievementId,
                recipient,
                narrative,
                evidence,
                result,
                creditsEarned,
                Optional.of(value),
                validUntil,
                format,
                idempotencyKey);
    }

    public IssueRequest withValidUntil(Instant value) {
        return new IssueRequest(
                issuerId,
                achievementId,
                recipient,
                narrative,
                evidence,
                result,
                creditsEarned,
                validFrom,
                Optional.of(value),
                format,
                idempotencyKey);
    }

    public IssueRequest withFormat(SecuringFormat value) {
        return new IssueRequest(
                issuerId,
                achievementId,
                recipient,
                narrative,
                evidence,
                result,
                creditsEarned,
                validFrom,
                validUntil,
                value,
                idempotencyKey);
    }

    public IssueRequest withIdempotencyKey(String value) {
        return new IssueRequest(
                issuerId,
                achievementId,
                recipient,
                narrative,
                evidence,
                result,
                creditsEarned,
                validFrom,
                validUntil,
                format,
                Optional.of(value));
    }

    /**
     * SHA-256 (hex) of everything but the idempotency key, to tell a retry of this request from
     * another request reusing its key.
     */
    String fingerprint() {
        JsonObjectBuilder json =
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("issuerId", issuerId.toString())
                        .add("achievementId", achievementId.toString())
                        .add("email", recipient.email().orElse(""))
                        .add("identifier", recipient.identifier().orElse(""))
                        .add("name", recipient.name().orElse(""))
                        .add("narrative", narrative.orElse(""))
                        .add("result", result.orElse(""))
                        .add("credits", creditsEarned.map(BigDecimal::toPlainString).orElse(""))
                        .add("validFrom", validFrom.map(Instant::toString).orElse(""))
                        .add("validUntil", validUntil.map(Instant::toString).orElse(""))
                        .add("format", format.value());
        JsonArrayBuilder items = Jsons.PROVIDER.createArrayBuilder();
        evidence.forEach(item -> items.add(item.json()));
        json.add("evidence", items);
        return Digests.sha256Hex(json.build().toString());
    }

    private static Optional<String> text(String field, Optional<String> value, int max) {
        return Objects.requireNonNull(value, field)
                .map(text -> WebReferences.optionalText(field, text, max))
                .filter(text -> !text.isEmpty());
    }
}
