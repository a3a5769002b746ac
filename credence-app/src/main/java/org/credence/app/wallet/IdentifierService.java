package org.credence.app.wallet;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.db.Database;
import org.credence.app.db.SqlStates;
import org.credence.app.delivery.ClaimLink;
import org.credence.app.delivery.DeliveryService;
import org.credence.app.organization.LoginThrottle;
import org.credence.app.organization.PasswordHasher;
import org.credence.app.organization.SignUp.Passwords;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A learner's identifiers: adding e-mail addresses and DIDs, and verifying addresses with a 6-digit
 * code e-mailed through the outbox. A DID added here gets a challenge that {@link
 * DidAuthentication} verifies the signed answer to.
 *
 * <p>Codes work for {@link #CODE_VALIDITY}, are stored hashed with Argon2id like passwords (a
 * 6-digit code hashed with a fast hash would be read back from a leaked row at once), allow {@link
 * #MAX_ATTEMPTS} wrong entries, and a new one (or a DID's new challenge) can be asked for after
 * {@link #RESEND_AFTER}. Because a new code resets its own count, wrong codes are also counted per
 * address, whichever learner enters them: after {@link #MAX_FAILURES_PER_ADDRESS} in {@link
 * #THROTTLE_WINDOW} the address takes no more codes until the oldest failure leaves the window, and
 * at most {@link #MAX_MAILS_PER_ADDRESS} codes are e-mailed to one address in that window (a wallet
 * must not be made to flood someone's mailbox). Those two counts are kept in memory, per server
 * node, like the sign-in throttle: a brake, not a ledger. An address verified by one learner cannot
 * be verified by another (the database's unique {@code verified_value} settles races).
 *
 * <p>Thread-safe.
 */
public final class IdentifierService {

    /** How long a code (or a DID's challenge) works. */
    public static final Duration CODE_VALIDITY = Duration.ofMinutes(15);

    /** Wrong entries allowed per code; then a new code is needed. */
    public static final int MAX_ATTEMPTS = 5;

    /** How soon another code may be sent for the same address. */
    public static final Duration RESEND_AFTER = Duration.ofMinutes(1);

    /** Wrong codes accepted per address (across learners and codes) in {@link #THROTTLE_WINDOW}. */
    public static final int MAX_FAILURES_PER_ADDRESS = 10;

    /** Code e-mails sent to one address in {@link #THROTTLE_WINDOW}. */
    public static final int MAX_MAILS_PER_ADDRESS = 5;

    /** The window of the per-address counts. */
    public static final Duration THROTTLE_WINDOW = Duration.ofHours(1);

    private static final String TAKEN =
            "This identifier belongs to another wallet; it cannot be added to a second one";

    private final Jdbi jdbi;
    private final Clock clock;
    private final SecureRandom random;
    private final PasswordHasher hasher;
    private final DeliveryService delivery;
    private final LearnerStore store = new LearnerStore();
    // LoginThrottle is a sliding-window count per key: here wrong codes per address, and code
    // e-mails per address (each e-mail "recorded" as one event of the window).
    private final LoginThrottle failuresByAddress;
    private final LoginThrottle mailsByAddress;

    public IdentifierService(
            Database database,
            DeliveryService delivery,
            Clock clock,
            SecureRandom random,
            PasswordHasher.Parameters hashing) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.hasher = new PasswordHasher(hashing, random);
        this.failuresByAddress =
                new LoginThrottle(clock, MAX_FAILURES_PER_ADDRESS, THROTTLE_WINDOW);
        this.mailsByAddress = new LoginThrottle(clock, MAX_MAILS_PER_ADDRESS, THROTTLE_WINDOW);
    }

    /** The learner's identifiers, oldest first. */
    public List<LearnerIdentifier> identifiers(UUID learnerId) {
        return jdbi.withHandle(handle -> store.identifiers(handle, learnerId, clock.instant()));
    }

    /**
     * Adds an e-mail address (unverified) and e-mails it a code.
     *
     * @throws AppException {@link Problem#CONFLICT} when the learner has it already or another
     *     learner verified it
     */
    public LearnerIdentifier addEmail(UUID learnerId, String email) {
        String address = Passwords.email("email", email);
        return add(learnerId, IdentifierKind.EMAIL, address);
    }

    /**
     * Adds a {@code did:key} or {@code did:web} DID (unverified) with a fresh challenge, valid
     * {@link #CODE_VALIDITY}, for the learner to answer with a presentation signed by one of its
     * keys ({@link DidAuthentication}). Nothing is matched on it until then.
     *
     * @throws AppException {@link Problem#INVALID_INPUT} (field {@code did}) for anything else than
     *     a well-formed did:key or did:web, {@link Problem#CONFLICT} as {@link #addEmail}
     */
    public LearnerIdentifier addDid(UUID learnerId, String did) {
        return add(learnerId, IdentifierKind.DID, DidAuthentication.requireDid(did));
    }

    private LearnerIdentifier add(UUID learnerId, IdentifierKind kind, String value) {
        return jdbi.inTransaction(
                handle -> {
                    if (store.verifiedByAnyone(handle, kind, value)
                            && !store.verifiedValues(handle, learnerId, kind).contains(value)) {
                        throw new AppException(Problem.CONFLICT, kind.value() + ": " + TAKEN);
                    }
                    if (store.hasIdentifier(handle, learnerId, kind, value)) {
                        throw new AppException(
                                Problem.CONFLICT, kind.value() + ": already in your wallet");
                    }
                    UUID id = UUID.randomUUID();
                    store.insertIdentifier(handle, id, learnerId, kind, value, clock.instant());
                    if (kind == IdentifierKind.EMAIL) {
                        sendCode(handle, id, value);
                    } else {
                        newChallenge(handle, id);
                    }
                    return store.identifier(handle, learnerId, id, clock.instant()).orElseThrow();
                });
    }

    /**
     * Sends a new code for one of the learner's unverified addresses, or gives an unverified DID a
     * new challenge (the old code or challenge stops working).
     *
     * @throws AppException {@link Problem#NOT_FOUND} for another learner's identifier, {@link
     *     Problem#TOO_MANY_REQUESTS} within {@link #RESEND_AFTER} of the last code
     */
    public void resend(UUID learnerId, UUID identifierId) {
        jdbi.useTransaction(
                handle -> {
                    LearnerIdentifier identifier = require(handle, learnerId, identifierId);
                    if (identifier.verified()) {
                        throw new AppException(Problem.CONFLICT, "Nothing to verify here");
                    }
                    store.lockSentAt(handle, learnerId, identifierId)
                            .filter(sentAt -> sentAt.plus(RESEND_AFTER).isAfter(now()))
                            .ifPresent(
                                    code -> {
                                        throw new AppException(
                                                Problem.TOO_MANY_REQUESTS,
                                                "A code was sent a moment ago; wait a minute"
                                                        + " before asking for another");
                                    });
                    if (identifier.kind() == IdentifierKind.DID) {
                        newChallenge(handle, identifierId);
                        return;
                    }
                    sendCode(handle, identifierId, identifier.value());
                });
    }

    /**
     * Verifies one of the learner's addresses with the code e-mailed to it.
     *
     * @throws AppException {@link Problem#INVALID_INPUT} (field {@code code}) for a wrong code,
     *     {@link Problem#CONFLICT} for an expired or used-up code or an address another learner
     *     verified meanwhile, {@link Problem#NOT_FOUND} for another learner's identifier
     */
    public LearnerIdentifier verify(UUID learnerId, UUID identifierId, String code) {
        String given = code == null ? "" : code.strip();
        Outcome outcome;
        try {
            outcome = jdbi.inTransaction(handle -> attempt(handle, learnerId, identifierId, given));
        } catch (RuntimeException e) {
            if (!SqlStates.isUniqueViolation(e)) {
                throw e;
            }
            outcome = Outcome.TAKEN; // another learner verified it at the same moment
        }
        if (outcome != Outcome.VERIFIED) {
            throw outcome.refusal();
        }
        return jdbi.withHandle(handle -> require(handle, learnerId, identifierId));
    }

    /** A wrong code must count even though the request fails: the attempt commits first. */
    private Outcome attempt(Handle handle, UUID learnerId, UUID identifierId, String given) {
        LearnerIdentifier identifier = require(handle, learnerId, identifierId);
        if (identifier.verified()) {
            return Outcome.VERIFIED;
        }
        if (identifier.kind() != IdentifierKind.EMAIL) {
            return Outcome.NOT_BY_CODE;
        }
        LearnerStore.PendingCode pending =
                store.lockCode(handle, learnerId, identifierId).orElse(null);
        if (pending == null || !now().isBefore(pending.expiresAt())) {
            return Outcome.EXPIRED;
        }
        if (pending.attempts() >= MAX_ATTEMPTS) {
            return Outcome.USED_UP;
        }
        if (store.verifiedByAnyone(handle, identifier.kind(), identifier.value())) {
            return Outcome.TAKEN;
        }
        String address = identifier.value().toLowerCase(Locale.ROOT);
        if (!failuresByAddress.allows(address)) {
            return Outcome.THROTTLED;
        }
        if (!given.matches("[0-9]{6}") || !hasher.verify(given, pending.codeHash())) {
            store.countAttempt(handle, identifierId);
            failuresByAddress.recordFailure(address);
            return Outcome.WRONG;
        }
        store.markVerified(handle, identifierId, now());
        return Outcome.VERIFIED;
    }

    private enum Outcome {
        VERIFIED,
        WRONG,
        EXPIRED,
        USED_UP,
        TAKEN,
        THROTTLED,
        NOT_BY_CODE;

        AppException refusal() {
            return switch (this) {
                case WRONG -> AppException.invalid("code: this is not the code we sent");
                case EXPIRED ->
                        new AppException(
                                Problem.CONFLICT, "The code has expired; ask for a new one");
                case USED_UP ->
                        new AppException(
                                Problem.CONFLICT, "Too many wrong codes; ask for a new one");
                case TAKEN -> new AppException(Problem.CONFLICT, IdentifierService.TAKEN);
                case THROTTLED ->
                        new AppException(
                                Problem.TOO_MANY_REQUESTS,
                                "Too many wrong codes were entered for this address; try again"
                                        + " in an hour");
                case NOT_BY_CODE ->
                        new AppException(
                                Problem.CONFLICT,
                                "A DID is verified by a presentation signed with its key, not by"
                                        + " a code");
                case VERIFIED -> throw new IllegalStateException("not a refusal");
            };
        }
    }

    /**
     * Marks the learner's address verified without a code, in the caller's transaction: used when
     * the learner makes the first claim of a claim link e-mailed to that address (the link proves
     * the mailbox). A link claimed before, or expired, proves nothing: it may have been forwarded
     * or read elsewhere, so the address must then be verified by its code. Does nothing when the
     * learner has no such identifier or another learner verified it.
     *
     * @param link the claim link as it stood before this claim
     */
    void verifyByClaimLink(Handle handle, UUID learnerId, ClaimLink link) {
        if (link.claimedAt().isPresent() || link.expired(now())) {
            return;
        }
        String address = link.email().strip().toLowerCase(Locale.ROOT);
        store.identifierId(handle, learnerId, IdentifierKind.EMAIL, address)
                .filter(id -> !store.verifiedByAnyone(handle, IdentifierKind.EMAIL, address))
                .ifPresent(id -> store.markVerified(handle, id, now()));
    }

    /**
     * Creates a code for the identifier, stores its hash and queues the e-mail.
     *
     * @throws AppException {@link Problem#TOO_MANY_REQUESTS} when {@link #MAX_MAILS_PER_ADDRESS}
     *     codes went to the address within {@link #THROTTLE_WINDOW}
     */
    void sendCode(Handle handle, UUID identifierId, String address) {
        String key = address.strip().toLowerCase(Locale.ROOT);
        if (!mailsByAddress.allows(key)) {
            throw new AppException(
                    Problem.TOO_MANY_REQUESTS,
                    "Too many codes were sent to this address in the last hour; try again later");
        }
        mailsByAddress.recordFailure(key);
        String code = String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
        Instant now = now();
        store.setCode(handle, identifierId, hasher.hash(code), now, now.plus(CODE_VALIDITY));
        delivery.queueIdentifierCode(handle, address, code, CODE_VALIDITY);
    }

    /**
     * Gives the DID a fresh challenge: 32 random bytes, base64url. Kept as is (it is shown on the
     * page and is no secret: only a key of the DID can answer it); single use because verifying
     * clears it and a new one replaces it.
     */
    private void newChallenge(Handle handle, UUID identifierId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = now();
        store.setChallenge(handle, identifierId, challenge, now, now.plus(CODE_VALIDITY));
    }

    private LearnerIdentifier require(Handle handle, UUID learnerId, UUID identifierId) {
        return store.identifier(handle, learnerId, identifierId, now())
                .orElseThrow(() -> AppException.notFound("Identifier"));
    }

    private Instant now() {
        return clock.instant();
    }
}
