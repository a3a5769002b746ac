package org.credence.core.model;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to put in a new Open Badge ({@link OpenBadgeCredentialFactory#unsigned}). Start with {@link
 * #of} and add optional parts with the {@code with…} methods. Immutable and thread-safe.
 *
 * @param id the credential id, an absolute URI such as {@code urn:uuid:…}
 * @param validFrom when the credential becomes valid; empty for now
 * @param name the credential name; empty for the achievement's name
 */
public record CredentialRequest(
        String id,
        Profile issuer,
        Achievement achievement,
        Recipient recipient,
        Optional<Instant> validFrom,
        Optional<Instant> validUntil,
        List<Evidence> evidence,
        List<Result> results,
        Optional<BigDecimal> creditsEarned,
        Optional<JsonObject> credentialStatus,
        Optional<String> name) {

    public CredentialRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(achievement, "achievement");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        evidence = List.copyOf(evidence);
        results = List.copyOf(results);
        Objects.requireNonNull(creditsEarned, "creditsEarned");
        Objects.requireNonNull(credentialStatus, "credentialStatus");
        Objects.requireNonNull(name, "name");
        Recipient.requireAbsoluteUri("id", id);
        if (issuer.isReference()) {
            throw new ModelException(
                    ModelProblem.MISSING_PROPERTY,
                    "issuer.type",
                    "a new credential needs a full issuer Profile, not only its id");
        }
        if (validFrom.isPresent()
                && validUntil.isPresent()
                && !validUntil.get().isAfter(validFrom.get())) {
            throw new ModelException(
                    ModelProblem.INVALID_VALUE, "validUntil", "must be after validFrom");
        }
    }

    /** A request with the required parts only. */
    public static CredentialRequest of(
            String id, Profile issuer, Achievement achievement, Recipient recipient) {
        return new CredentialRequest(
                id,
                issuer,
                achievement,
                recipient,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** A request with the issuer given as profile JSON. */
    public static CredentialRequest of(
            String id, JsonObject issuer, Achievement achievement, Recipient recipient) {
        return of(id, Fields.nested("issuer", () -> Profile.of(issuer)), achievement, recipient);
    }

    public CredentialRequest withValidFrom(Instant instant) {
        return new CredentialRequest(
                id,
                issuer,
                achievement,
                recipient,
                Optional.of(instant),
                validUntil,
                evidence,
                results,
                creditsEarned,
                credentialStatus,
                name);
    }

    public CredentialRequest withValidUntil(Instant instant) {
        return new CredentialRequest(
                id,
                issuer,
                achievement,
                recipient,
                validFrom,
                Optional.of(instant),
                evidence,
                results,
                creditsEarned,
                credentialStatus,
                name);
    }

    public CredentialRequest withEvidence(List<Evidence> list) {
        return new CredentialRequest(
                id,
                issuer,
                achievement,
                recipient,
                validFrom,
                validUntil,
                list,
                results,
                creditsEarned,
                credentialStatus,
                name);
    }

    public CredentialRequest withResults(List<Result> list) {
        return new CredentialRequest(
                id,
                issuer,
                achievement,
                recipient,
                validFrom,
                validUntil,
                evidence,
                list,
                creditsEarned,
                credentialStatus,
                name);
    }

    public CredentialRequest withCreditsEarned(BigDecimal credits) {
        return new CredentialRequest(
                id,
                issuer,
                achievement,
                recipient,
                validFrom,
                validUntil,
                evidence,
                results,
                Optional.of(credits),
                credentialStatus,
                name);
    }

    /** A status entry, e.g. a {@code BitstringStatusListEntry}. */
    public CredentialRequest withCredentialStatus(JsonObject status) {
        return new CredentialRequest(
                id,
                issuer,
                achievement,
                recipient,
                validFrom,
                validUntil,
                evidence,
                results,
                creditsEarned,
                Optional.of(status),
                name);
    }

    public CredentialRequest withName(String credentialName) {
        return new CredentialRequest(
                id,
                issuer,
                achievement,
                recipient,
                validFrom,
                validUntil,
                evidence,
                results,
                creditsEarned,
                credentialStatus,
                Optional.of(credentialName));
    }
}
