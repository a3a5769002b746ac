package org.credence.app.wallet;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.db.Database;
import org.credence.app.db.SqlStates;
import org.credence.app.issuer.WebReferences;
import org.credence.app.verification.VerificationService;
import org.credence.core.did.DidKey;
import org.credence.core.did.DidWebResolver;
import org.credence.core.did.ResolutionException;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Verifies a learner's DID by DID authentication: the learner answers the DID's pending challenge
 * (given by {@link IdentifierService#addDid}) with a Verifiable Presentation whose {@code holder}
 * is the DID, signed by a key of the DID for {@code authentication} with that challenge and this
 * installation's {@link #domain()} — a Data Integrity proof or a VP-JWT. The presentation goes
 * through the installation's verifier ({@link VerificationService}: did:key offline, did:web
 * through the SSRF-safe fetcher), outside any transaction.
 *
 * <p>A challenge is used once (verifying clears it, a new one replaces it), works for {@link
 * IdentifierService#CODE_VALIDITY}, and {@link IdentifierService#MAX_ATTEMPTS} refused answers burn
 * it. A DID verified by one learner cannot be verified by another: the same unique {@code
 * verified_value} as e-mail addresses settles it.
 *
 * <p>Thread-safe.
 */
public final class DidAuthentication {

    /** The largest presentation read: far more than a DID-authentication presentation needs. */
    public static final int MAX_PRESENTATION_CHARS = 64 * 1024;

    private final Jdbi jdbi;
    private final VerificationService verification;
    private final String domain;
    private final Clock clock;
    private final LearnerStore store = new LearnerStore();

    /**
     * @param domain the domain presentations must be bound to: this installation's host
     */
    public DidAuthentication(
            Database database, VerificationService verification, String domain, Clock clock) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
        this.verification = Objects.requireNonNull(verification, "verification");
        this.domain = Objects.requireNonNull(domain, "domain");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The domain a presentation's proof must name (this installation's host). */
    public String domain() {
        return domain;
    }

    /**
     * Verifies the learner's DID with a presentation answering its challenge.
     *
     * @param presentation the presentation as pasted: JSON or a compact VP-JWT
     * @throws AppException {@link Problem#INVALID_INPUT} (field {@code presentation}) when the
     *     presentation does not verify, answers another challenge or domain, or is not the DID's;
     *     {@link Problem#CONFLICT} for an expired, replaced or used-up challenge or a DID another
     *     learner verified; {@link Problem#NOT_FOUND} for another learner's identifier
     */
    public LearnerIdentifier verify(UUID learnerId, UUID identifierId, String presentation) {
        LearnerIdentifier identifier =
                jdbi.withHandle(handle -> require(handle, learnerId, identifierId));
        if (identifier.verified()) {
            return identifier;
        }
        if (identifier.kind() != IdentifierKind.DID) {
            throw new AppException(Problem.CONFLICT, "Only a DID is verified by a presentation");
        }
        String challenge =
                identifier
                        .challenge()
                        .orElseThrow(
                                () ->
                                        new AppException(
                                                Problem.CONFLICT,
                                                "The challenge has expired; ask for a new one"));
        Optional<String> refusal = refusal(presentation, challenge, identifier.value());
        Answer answer = new Answer(learnerId, identifier, challenge, refusal);
        try {
            jdbi.useTransaction(handle -> settle(handle, answer));
        } catch (RuntimeException e) {
            if (!SqlStates.isUniqueViolation(e)) {
                throw e;
            }
            // another learner verified the DID at the same moment
            throw new AppException(Problem.CONFLICT, "This DID belongs to another wallet");
        }
        refusal.ifPresent(
                reason -> {
                    throw AppException.invalid("presentation: " + reason);
                });
        return jdbi.withHandle(handle -> require(handle, learnerId, identifierId));
    }

    /** Why the presentation does not verify the DID for this challenge, if it does not. */
    private Optional<String> refusal(String presentation, String challenge, String did) {
        String text = presentation == null ? "" : presentation.strip();
        if (text.isEmpty()) {
            return Optional.of("paste the signed presentation");
        }
        if (text.length() > MAX_PRESENTATION_CHARS) {
            return Optional.of("longer than " + MAX_PRESENTATION_CHARS + " characters");
        }
        VerificationReport report =
                verification.verify(
                        text.getBytes(StandardCharsets.UTF_8),
                        VerifyOptions.DEFAULT.withChallenge(challenge).withDomain(domain));
        return DidAnswer.refusal(report, did);
    }

    /** A presentation checked against the challenge it answered, and why it is refused if it is. */
    private record Answer(
            UUID learnerId,
            LearnerIdentifier identifier,
            String challenge,
            Optional<String> refusal) {}

    /**
     * Under the row lock: the challenge must still be the one answered (else it was used or
     * replaced meanwhile) and live; a refused answer counts as an attempt, a good one verifies. The
     * refusal itself is thrown by the caller, after this transaction commits the attempt.
     */
    private void settle(Handle handle, Answer answer) {
        LearnerIdentifier identifier = answer.identifier();
        LearnerStore.PendingChallenge pending =
                store.lockChallenge(handle, answer.learnerId(), identifier.id())
                        .filter(locked -> locked.challenge().equals(answer.challenge()))
                        .orElseThrow(
                                () ->
                                        new AppException(
                                                Problem.CONFLICT,
                                                "This challenge was answered or replaced"
                                                        + " meanwhile; use the one shown now"));
        Instant now = clock.instant();
        if (!now.isBefore(pending.expiresAt())) {
            throw new AppException(
                    Problem.CONFLICT, "The challenge has expired; ask for a new one");
        }
        if (pending.attempts() >= IdentifierService.MAX_ATTEMPTS) {
            throw new AppException(
                    Problem.CONFLICT, "Too many refused presentations; ask for a new challenge");
        }
        if (store.verifiedByAnyone(handle, IdentifierKind.DID, identifier.value())) {
            throw new AppException(Problem.CONFLICT, "This DID belongs to another wallet");
        }
        if (answer.refusal().isPresent()) {
            store.countAttempt(handle, identifier.id());
            return;
        }
        store.markVerified(handle, identifier.id(), now);
    }

    private LearnerIdentifier require(Handle handle, UUID learnerId, UUID identifierId) {
        return store.identifier(handle, learnerId, identifierId, clock.instant())
                .orElseThrow(() -> AppException.notFound("Identifier"));
    }

    /**
     * The DID as given, if it is one this installation can verify: a {@code did:key} whose key
     * decodes (offline), or a well-formed {@code did:web} (resolved when a presentation is
     * verified, through the safe fetcher).
     *
     * @throws AppException {@link Problem#INVALID_INPUT} (field {@code did}) otherwise
     */
    static String requireDid(String did) {
        String value = WebReferences.requireText("did", did, 2000);
        if (!value.toLowerCase(Locale.ROOT).startsWith("did:") || value.contains(" ")) {
            throw AppException.invalid("did: a DID starts with did: and has no spaces");
        }
        try {
            if (value.startsWith("did:key:")) {
                DidKey.keyOf(value);
            } else if (value.startsWith("did:web:")) {
                DidWebResolver.documentUrl(value);
            } else {
                throw AppException.invalid(
                        "did: only did:key and did:web DIDs can be verified here");
            }
        } catch (ResolutionException e) {
            throw AppException.invalid("did: " + e.getMessage());
        }
        return value;
    }
}
