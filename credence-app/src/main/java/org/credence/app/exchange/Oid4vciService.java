package org.credence.app.exchange;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.audit.AuditStore;
import org.credence.app.credential.CredentialDocument;
import org.credence.app.credential.CredentialService;
import org.credence.app.db.Database;
import org.credence.app.delivery.ClaimLink;
import org.credence.app.delivery.DeliveryService;
import org.jdbi.v3.core.Jdbi;

/**
 * Sends a claimed credential to a wallet with OpenID for Verifiable Credential Issuance 1.0, in the
 * pre-authorised code flow: offer → token → nonce → credential.
 *
 * <p>The claim link is the earner's proof; an offer made from it is a bearer secret shown only to
 * them. Offers and their codes live {@link #OFFER_VALIDITY}; a code is redeemed once; access tokens
 * and nonces live {@link #TOKEN_VALIDITY}. The credential is sent exactly as issued: it is not
 * re-bound to the holder's key (see docs/architecture.md), but the wallet must still prove
 * possession of a key, which is recorded. Immutable and thread-safe.
 */
public final class Oid4vciService {

    public static final String PRE_AUTHORIZED_GRANT =
            "urn:ietf:params:oauth:grant-type:pre-authorized_code";
    public static final Duration OFFER_VALIDITY = Duration.ofMinutes(10);
    public static final Duration TOKEN_VALIDITY = Duration.ofMinutes(5);

    private final Jdbi jdbi;
    private final DeliveryService delivery;
    private final CredentialService credentials;
    private final String issuerId;
    private final Clock clock;
    private final SecureRandom random;
    private final TransferStore store = new TransferStore();
    private final AuditStore audit = new AuditStore();

    /**
     * @param issuerId the credential issuer identifier: the installation's public base URL
     */
    public Oid4vciService(
            Database database,
            DeliveryService delivery,
            CredentialService credentials,
            String issuerId,
            Clock clock,
            SecureRandom random) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.issuerId = Objects.requireNonNull(issuerId, "issuerId");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The credential issuer identifier (and authorisation server issuer). */
    public String issuerId() {
        return issuerId;
    }

    /**
     * A new offer of the claim link's credential.
     *
     * @throws AppException {@link Problem#NOT_FOUND} for an unknown link, {@link Problem#CONFLICT}
     *     for a credential not claimed yet
     */
    public WalletOffer createOffer(String claimToken) {
        return createOfferFor(claimedCredential(delivery, claimToken));
    }

    /**
     * A new offer of a credential issued here, for a holder whose right to it the caller has
     * established: the learner wallet offers a credential of the signed-in learner's own wallet.
     */
    public WalletOffer createOfferFor(UUID credentialId) {
        CredentialDocument document = credentials.document(credentialId);
        String offerToken = Secrets.next(random);
        Instant now = clock.instant();
        Instant expires = now.plus(OFFER_VALIDITY);
        jdbi.useTransaction(
                handle ->
                        store.insertOffer(
                                handle,
                                Secrets.hash(offerToken),
                                credentialId,
                                CredentialConfiguration.of(document.format()).id(),
                                now,
                                expires));
        return new WalletOffer(issuerId + "/oid4vci/offers/" + offerToken, expires);
    }

    /**
     * The offer object behind a {@code credential_offer_uri}, with a new pre-authorised code (an
     * earlier code of the same offer stops working).
     *
     * @throws AppException {@link Problem#NOT_FOUND} for an unknown, expired or redeemed offer
     */
    public CredentialOffer offer(String offerToken) {
        Objects.requireNonNull(offerToken, "offerToken");
        String code = Secrets.next(random);
        String configuration =
                jdbi.inTransaction(
                                handle ->
                                        store.replaceCode(
                                                handle,
                                                Secrets.hash(offerToken),
                                                Secrets.hash(code),
                                                clock.instant()))
                        .orElseThrow(
                                () ->
                                        new AppException(
                                                Problem.NOT_FOUND,
                                                "This credential offer is not valid any more"));
        return new CredentialOffer(
                issuerId, CredentialConfiguration.byId(configuration).orElseThrow(), code);
    }

    /**
     * The token endpoint: redeems a pre-authorised code once. A {@code tx_code} is never asked for,
     * so one sent is ignored (RFC 6749: unknown parameters are ignored).
     *
     * @throws WalletProtocolException {@code unsupported_grant_type}, {@code invalid_request},
     *     {@code invalid_grant}
     */
    public AccessToken token(String grantType, String preAuthorizedCode) {
        if (!PRE_AUTHORIZED_GRANT.equals(grantType)) {
            throw new WalletProtocolException(
                    WalletError.UNSUPPORTED_GRANT_TYPE, "only " + PRE_AUTHORIZED_GRANT);
        }
        if (preAuthorizedCode == null || preAuthorizedCode.isEmpty()) {
            throw new WalletProtocolException(
                    WalletError.INVALID_REQUEST, "pre-authorized_code is required");
        }
        String token = Secrets.next(random);
        Instant now = clock.instant();
        boolean redeemed =
                jdbi.inTransaction(
                        handle ->
                                store.redeem(
                                        handle,
                                        Secrets.hash(preAuthorizedCode),
                                        Secrets.hash(token),
                                        now.plus(TOKEN_VALIDITY),
                                        now));
        if (!redeemed) {
            throw new WalletProtocolException(
                    WalletError.INVALID_GRANT,
                    "the pre-authorized code is unknown, expired or already used");
        }
        return new AccessToken(token, TOKEN_VALIDITY.toSeconds());
    }

    /** The nonce endpoint: a fresh single-use {@code c_nonce}. */
    public String nonce() {
        String nonce = Secrets.next(random);
        Instant now = clock.instant();
        jdbi.useTransaction(
                handle ->
                        store.insertNonce(
                                handle, Secrets.hash(nonce), now, now.plus(TOKEN_VALIDITY)));
        return nonce;
    }

    /**
     * The credential endpoint: checks the access token and the key proof (signature, audience,
     * time, single-use nonce) and answers the credential as issued.
     *
     * @param accessToken the bearer token, or {@code null} when none was sent
     * @throws WalletProtocolException {@code invalid_token}, {@code invalid_credential_request},
     *     {@code unknown_credential_configuration}, {@code invalid_proof}, {@code invalid_nonce}
     */
    public CredentialDocument credential(String accessToken, CredentialRequest request) {
        if (accessToken == null || accessToken.isEmpty()) {
            throw new WalletProtocolException(WalletError.INVALID_TOKEN, "no access token");
        }
        Instant now = clock.instant();
        String tokenHash = Secrets.hash(accessToken);
        TransferStore.RedeemedOffer offer =
                jdbi.withHandle(handle -> store.findByToken(handle, tokenHash, now))
                        .orElseThrow(
                                () ->
                                        new WalletProtocolException(
                                                WalletError.INVALID_TOKEN,
                                                "the access token is unknown or expired"));
        if (request.configurationId().isEmpty()) {
            throw new WalletProtocolException(
                    WalletError.INVALID_CREDENTIAL_REQUEST,
                    "credential_configuration_id is required");
        }
        if (!request.configurationId().get().equals(offer.configurationId())) {
            throw new WalletProtocolException(
                    WalletError.UNKNOWN_CREDENTIAL_CONFIGURATION,
                    "this token is for " + offer.configurationId());
        }
        if (request.proofJwts().size() != 1) {
            throw new WalletProtocolException(
                    WalletError.INVALID_PROOF, "exactly one jwt key proof is required");
        }
        KeyProof proof = KeyProof.verify(request.proofJwts().get(0), issuerId, now);
        jdbi.useTransaction(
                handle -> {
                    if (!store.consumeNonce(handle, Secrets.hash(proof.nonce()), now)) {
                        throw new WalletProtocolException(
                                WalletError.INVALID_NONCE,
                                "the key proof's nonce is not a fresh c_nonce");
                    }
                    store.markDelivered(handle, tokenHash, proof.holderId(), now);
                    store.organisationOf(handle, offer.credentialId())
                            .ifPresent(
                                    organisation ->
                                            audit.append(
                                                    handle,
                                                    organisation,
                                                    now,
                                                    "recipient",
                                                    "credential.sent-to-wallet",
                                                    offer.credentialId().toString(),
                                                    "OpenID4VCI to " + proof.holderId()));
                });
        return credentials.document(offer.credentialId());
    }

    /** The credential of a claim link that has been claimed, unless revoked or suspended (409). */
    static UUID claimedCredential(DeliveryService delivery, String claimToken) {
        ClaimLink link = delivery.claimLink(Objects.requireNonNull(claimToken, "claimToken"));
        delivery.refuseWithdrawn(link.credentialId(), "it cannot be sent to a wallet app");
        if (link.claimedAt().isEmpty()) {
            throw new AppException(Problem.CONFLICT, "Claim the credential first");
        }
        return link.credentialId();
    }
}
