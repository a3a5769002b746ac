package org.credence.app.award;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.credential.SecuringFormat;
import org.credence.app.status.StatusSlot;
import org.credence.core.json.Jsons;
import org.credence.core.jsonld.JsonLdException;
import org.credence.core.model.CredentialRequest;
import org.credence.core.model.ModelException;
import org.credence.core.model.OpenBadgeCredential;
import org.credence.core.model.OpenBadgeCredentialFactory;
import org.credence.core.model.Recipient;
import org.credence.core.model.Result;

/**
 * Turns an {@link IssueRequest} into a signed Open Badges 3.0 credential: the only CPU-heavy step
 * of issuance, and free of database access so that many threads can run it at once. Thread-safe.
 */
final class CredentialBuilder {

    private final OpenBadgeCredentialFactory factory;
    private final Clock clock;
    private final String baseUrl;

    CredentialBuilder(Clock clock, SecureRandom random, String baseUrl) {
        this.factory = new OpenBadgeCredentialFactory(clock, random);
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    SignedCredential sign(
            IssuanceContext context, IssueRequest request, StatusSlot slot, JsonValue status) {
        UUID id = UUID.randomUUID();
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant validFrom = request.validFrom().orElse(issuedAt).truncatedTo(ChronoUnit.SECONDS);
        Optional<Instant> validUntil =
                request.validUntil()
                        .or(() -> context.version().design().validity().validUntil(validFrom))
                        .map(until -> until.truncatedTo(ChronoUnit.SECONDS));
        if (validUntil.isPresent() && !validUntil.get().isAfter(validFrom)) {
            throw AppException.invalid("validUntil: must be after validFrom");
        }
        JsonObject unsigned;
        try {
            CredentialRequest credential =
                    CredentialRequest.of(
                                    baseUrl + "/credentials/" + id,
                                    context.issuer().toProfile(),
                                    context.badge(),
                                    recipient(request.recipient()))
                            .withValidFrom(validFrom)
                            .withEvidence(
                                    request.evidence().stream()
                                            .map(EvidenceInput::toEvidence)
                                            .toList());
            if (validUntil.isPresent()) {
                credential = credential.withValidUntil(validUntil.get());
            }
            if (request.result().isPresent()) {
                credential =
                        credential.withResults(java.util.List.of(result(request.result().get())));
            }
            if (request.creditsEarned().isPresent()) {
                credential = credential.withCreditsEarned(request.creditsEarned().get());
            }
            unsigned = withSubjectParts(factory.unsigned(credential), request.narrative(), status);
        } catch (ModelException e) {
            throw AppException.invalid(e.field() + ": " + e.detail());
        }
        String document;
        try {
            document =
                    request.format() == SecuringFormat.VC_JWT
                            ? context.signer().signJwt(unsigned)
                            : context.signer().sign(unsigned).toString();
        } catch (JsonLdException e) {
            throw AppException.invalid("The credential is not valid JSON-LD: " + e.getMessage());
        } catch (ModelException e) {
            // The core Issuer refuses what VC Data Model 2.0 forbids (IssuingRules).
            throw AppException.invalid(e.getMessage());
        }
        return new SignedCredential(
                id,
                context.issuer().organisationId(),
                context.issuer().id(),
                context.version().achievementId(),
                context.version().version(),
                context.version().design().name(),
                context.issuer().name(),
                request,
                slot,
                context.version().design().statusPolicy(),
                document,
                issuedAt,
                validFrom,
                validUntil);
    }

    private static Recipient recipient(AwardRecipient recipient) {
        // The name stays out of the credential: it is shown only if the earner chooses, and a
        // signed document cannot take it back.
        return new Recipient(recipient.identifier(), recipient.email(), Optional.empty());
    }

    private static Result result(String value) {
        return Result.of(
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("type", Jsons.PROVIDER.createArrayBuilder().add("Result"))
                        .add("value", value)
                        .build());
    }

    /**
     * Adds what the core factory does not write: the subject's narrative, and the status entry or
     * entries of the achievement's {@link org.credence.app.status.StatusPolicy}.
     */
    private static JsonObject withSubjectParts(
            JsonObject credential, Optional<String> narrative, JsonValue status) {
        JsonObjectBuilder subject =
                Jsons.PROVIDER.createObjectBuilder(credential.getJsonObject("credentialSubject"));
        narrative.ifPresent(text -> subject.add("narrative", text));
        return OpenBadgeCredential.of(
                        Jsons.PROVIDER
                                .createObjectBuilder(credential)
                                .add("credentialSubject", subject)
                                .add("credentialStatus", status)
                                .build())
                .json();
    }
}
