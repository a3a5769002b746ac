package org.credence.app.exchange;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.audit.AuditStore;
import org.credence.app.credential.CredentialService;
import org.credence.app.db.Database;
import org.credence.app.delivery.DeliveryService;
import org.credence.app.verification.VerificationService;
import org.credence.core.json.JsonValues;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.CheckStatus;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;
import org.jdbi.v3.core.Jdbi;

/**
 * Sends a claimed credential to a wallet through a VC-API exchange, as the DCC Learner Credential
 * Wallet runs it: the wallet posts to the exchange, is asked for a DID Authentication presentation
 * bound to a challenge and this installation's domain, and receives the credential once that
 * presentation verifies. An exchange is completed once and expires after {@link #VALIDITY}.
 * Immutable and thread-safe.
 */
public final class ExchangeService {

    public static final Duration VALIDITY = Duration.ofMinutes(15);

    private final Jdbi jdbi;
    private final DeliveryService delivery;
    private final CredentialService credentials;
    private final VerificationService verification;
    private final String baseUrl;
    private final Clock clock;
    private final SecureRandom random;
    private final TransferStore store = new TransferStore();
    private final AuditStore audit = new AuditStore();

    /** The collaborators of an {@link ExchangeService}. */
    public record Sources(
            DeliveryService delivery,
            CredentialService credentials,
            VerificationService verification) {
        public Sources {
            Objects.requireNonNull(delivery, "delivery");
            Objects.requireNonNull(credentials, "credentials");
            Objects.requireNonNull(verification, "verification");
        }
    }

    public ExchangeService(
            Database database, Sources sources, String baseUrl, Clock clock, SecureRandom random) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
        this.delivery = sources.delivery();
        this.credentials = sources.credentials();
        this.verification = sources.verification();
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * A new exchange for the claim link's credential.
     *
     * @throws AppException {@link Problem#NOT_FOUND} for an unknown link, {@link Problem#CONFLICT}
     *     for a credential not claimed yet
     */
    public WalletExchange create(String claimToken) {
        return createFor(Oid4vciService.claimedCredential(delivery, claimToken));
    }

    /**
     * A new exchange for a credential issued here, for a holder whose right to it the caller has
     * established: the learner wallet sends a credential of the signed-in learner's own wallet.
     */
    public WalletExchange createFor(UUID credentialId) {
        UUID id = UUID.randomUUID();
        String challenge = Secrets.next(random);
        Instant now = clock.instant();
        Instant expires = now.plus(VALIDITY);
        jdbi.useTransaction(
                handle -> store.insertExchange(handle, id, credentialId, challenge, now, expires));
        return new WalletExchange(id, baseUrl + "/exchanges/" + id, expires);
    }

    /** The domain presentations must be bound to: this installation's host. */
    public String domain() {
        return URI.create(baseUrl).getHost();
    }

    /**
     * One step of the exchange: without a presentation, the DID Authentication request; with one,
     * the credential when the presentation verifies against the exchange's challenge and domain.
     *
     * @param presentation the {@code verifiablePresentation} (JSON or VP-JWT), if posted
     * @throws AppException {@link Problem#NOT_FOUND} for an unknown exchange, {@link
     *     Problem#CONFLICT} for a completed or expired one, {@link Problem#INVALID_INPUT} for a
     *     presentation that does not verify
     */
    public ExchangeStep step(UUID exchangeId, Optional<String> presentation) {
        TransferStore.ExchangeRow exchange =
                jdbi.withHandle(handle -> store.findExchange(handle, exchangeId))
                        .orElseThrow(() -> AppException.notFound("Exchange"));
        Instant now = clock.instant();
        requireOpen(exchange, now);
        if (presentation.isEmpty()) {
            return new ExchangeStep.DidAuthRequest(exchange.challenge(), domain());
        }
        VerificationReport report =
                verification.verify(
                        presentation.get().getBytes(StandardCharsets.UTF_8),
                        VerifyOptions.DEFAULT
                                .withAt(now)
                                .withChallenge(exchange.challenge())
                                .withDomain(domain()));
        boolean holderBound =
                report.check(CheckName.HOLDER_BINDING)
                        .filter(check -> check.status() == CheckStatus.PASSED)
                        .isPresent();
        if (!report.isVerified() || !holderBound) {
            throw AppException.invalid(
                    "verifiablePresentation: the DID authentication does not verify: "
                            + failures(report));
        }
        String holder =
                report.credential()
                        .flatMap(json -> JsonValues.idOf(json, "holder"))
                        .orElseThrow(
                                () -> AppException.invalid("verifiablePresentation: no holder"));
        boolean completed =
                jdbi.inTransaction(
                        handle -> {
                            if (!store.completeExchange(handle, exchangeId, holder, now)) {
                                return false;
                            }
                            store.organisationOf(handle, exchange.credentialId())
                                    .ifPresent(
                                            organisation ->
                                                    audit.append(
                                                            handle,
                                                            organisation,
                                                            now,
                                                            "recipient",
                                                            "credential.sent-to-wallet",
                                                            exchange.credentialId().toString(),
                                                            "VC-API exchange to " + holder));
                            return true;
                        });
        if (!completed) {
            throw new AppException(Problem.CONFLICT, "This exchange is already complete");
        }
        return new ExchangeStep.Delivered(credentials.document(exchange.credentialId()), holder);
    }

    private static void requireOpen(TransferStore.ExchangeRow exchange, Instant now) {
        if (exchange.completedAt().isPresent()) {
            throw new AppException(Problem.CONFLICT, "This exchange is already complete");
        }
        if (!now.isBefore(exchange.expiresAt())) {
            throw new AppException(Problem.CONFLICT, "This exchange has expired");
        }
    }

    private static String failures(VerificationReport report) {
        return report.problems().stream()
                .map(check -> check.code() + " (" + check.message() + ")")
                .reduce((first, second) -> first + "; " + second)
                .orElse("the presentation must be signed by its holder");
    }
}
