package org.credence.app.wallet;

import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.db.Database;
import org.credence.app.db.SqlStates;
import org.credence.app.delivery.AccountEmails;
import org.credence.app.organization.AccountLinks;
import org.credence.app.organization.LoginGuard;
import org.credence.app.organization.LoginThrottle;
import org.credence.app.organization.PasswordHasher;
import org.credence.app.organization.PasswordService;
import org.credence.app.organization.SecretTokens;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Learner accounts: signing up, in and out, and finding the learner behind a wallet session token.
 *
 * <p>Learners are not organisation members: they have their own table, sessions and cookie, so a
 * learner session never opens an organisation's pages and the other way round. The mechanisms are
 * the organisation accounts' own: Argon2id password hashes ({@link PasswordHasher}), 32-byte
 * session tokens stored as SHA-256 with a CSRF token and a 12-hour expiry ({@link SecretTokens}),
 * failed sign-ins braked per account and client address ({@link LoginGuard}), unknown addresses as
 * slow as wrong passwords. The sign-up address becomes the learner's first identifier, unverified
 * until its e-mailed code is entered.
 *
 * <p>Thread-safe.
 */
public final class LearnerAccountService {

    /** How long a wallet session lasts. */
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);

    private static final System.Logger LOG =
            System.getLogger(LearnerAccountService.class.getName());

    private static final String BAD_LOGIN = "Wrong e-mail address or password";
    private static final String ACCOUNT_NAME = "Credence wallet";

    private final Jdbi jdbi;
    private final Clock clock;
    private final SecretTokens tokens;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final LoginGuard guard;
    private final IdentifierService identifiers;
    private final String dummyHash;
    private final AccountLinks links;
    private final AccountEmails emails;
    private final LoginThrottle mailsByAddress;
    private final LearnerStore store = new LearnerStore();
    private final LeavingStore leaving = new LeavingStore();

    public LearnerAccountService(
            Database database,
            IdentifierService identifiers,
            Clock clock,
            SecureRandom random,
            PasswordHasher.Parameters hashing) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
        this.identifiers = Objects.requireNonNull(identifiers, "identifiers");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokens = new SecretTokens(random);
        this.hasher = new PasswordHasher(hashing, random);
        this.throttle = new LoginThrottle(clock, 5, Duration.ofMinutes(15));
        this.guard = new LoginGuard(clock);
        this.dummyHash = hasher.hash(tokens.next());
        this.links = new AccountLinks(clock, tokens);
        this.emails = new AccountEmails(clock);
        this.mailsByAddress =
                new LoginThrottle(
                        clock, PasswordService.MAX_MAILS_PER_ADDRESS, PasswordService.MAIL_WINDOW);
    }

    /**
     * Opens a wallet, e-mails a code to the address, and signs the learner in, at once: for trusted
     * callers (tests, tools). Learners on the web go through {@link #register}, which proves the
     * address first and does not tell whether it has a wallet.
     *
     * @throws AppException {@link Problem#CONFLICT} when a learner signs in with this address
     */
    public LearnerSignedIn signUp(LearnerSignUp request) {
        String passwordHash = hasher.hash(request.password());
        try {
            return jdbi.inTransaction(handle -> createLearner(handle, request, passwordHash));
        } catch (RuntimeException e) {
            if (SqlStates.isUniqueViolation(e)) {
                throw emailTaken(); // two sign-ups raced for the address
            }
            throw e;
        }
    }

    private LearnerSignedIn createLearner(Handle handle, LearnerSignUp request, String hash) {
        if (store.emailTaken(handle, request.email())) {
            throw emailTaken();
        }
        UUID learnerId = insert(handle, request.email(), request.displayName(), hash);
        UUID identifierId =
                store.identifierId(handle, learnerId, IdentifierKind.EMAIL, request.email())
                        .orElseThrow();
        if (!store.verifiedByAnyone(handle, IdentifierKind.EMAIL, request.email())) {
            identifiers.sendCode(handle, identifierId, request.email());
        }
        return startSession(handle, learnerId);
    }

    /**
     * Opening a wallet from the web: e-mails a link that confirms the address ({@link
     * #confirmSignUp} then opens the wallet, the address verified, and signs the learner in). When
     * a wallet signs in with the address already, its owner is e-mailed instead (sign in, or reset
     * the password). Either way the caller answers the same, so the answer does not tell who has a
     * wallet. At most {@link PasswordService#MAX_MAILS_PER_ADDRESS} such e-mails go to one address
     * per hour.
     *
     * @param confirmUrl the confirmation page's URL before the token, e.g. {@code
     *     https://host/wallet/signup/}; what follows the token (a claim link's {@code ?claim=…})
     *     comes from {@code afterToken}
     */
    public void register(LearnerSignUp request, String baseUrl, String afterToken) {
        String passwordHash = hasher.hash(request.password());
        jdbi.useTransaction(
                handle -> {
                    if (!mailsByAddress.allows(request.email())) {
                        return;
                    }
                    mailsByAddress.recordFailure(request.email());
                    if (store.emailTaken(handle, request.email())) {
                        emails.queue(
                                handle,
                                request.email(),
                                AccountEmails.Kind.ALREADY_SIGNED_UP,
                                ACCOUNT_NAME,
                                Map.of(
                                        "loginUrl", baseUrl + "/wallet/login",
                                        "resetUrl", baseUrl + "/wallet/password-reset"));
                        return;
                    }
                    String token =
                            links.create(
                                    handle,
                                    AccountLinks.Purpose.SIGN_UP,
                                    AccountLinks.Audience.LEARNER,
                                    new AccountLinks.Link(
                                            request.email(),
                                            Optional.of(request.displayName()),
                                            Optional.empty(),
                                            Optional.of(passwordHash)));
                    emails.queue(
                            handle,
                            request.email(),
                            AccountEmails.Kind.CONFIRM_SIGN_UP,
                            ACCOUNT_NAME,
                            Map.of(
                                    "link",
                                    baseUrl + "/wallet/signup/" + token + afterToken,
                                    "hours",
                                    Long.toString(AccountLinks.SIGN_UP_VALIDITY.toHours())));
                });
    }

    /** The address a live wallet sign-up link confirms (to show before confirming). */
    public Optional<String> signUpAddress(String token) {
        return jdbi.withHandle(
                handle ->
                        links.find(
                                        handle,
                                        AccountLinks.Purpose.SIGN_UP,
                                        AccountLinks.Audience.LEARNER,
                                        token)
                                .map(AccountLinks.Link::email));
    }

    /**
     * Confirms a wallet sign-up with its e-mailed link, once: opens the wallet with the address as
     * its first identifier, verified (the link proves the mailbox) unless another learner verified
     * it, and signs the learner in. Other pending sign-ups of that address die with it.
     *
     * @throws AppException {@link Problem#NOT_FOUND} for an unknown, used or expired link, {@link
     *     Problem#CONFLICT} when a wallet signs in with the address meanwhile
     */
    public LearnerSignedIn confirmSignUp(String token) {
        try {
            return jdbi.inTransaction(
                    handle -> {
                        AccountLinks.Link link =
                                links.take(
                                                handle,
                                                AccountLinks.Purpose.SIGN_UP,
                                                AccountLinks.Audience.LEARNER,
                                                token)
                                        .orElseThrow(
                                                () ->
                                                        new AppException(
                                                                Problem.NOT_FOUND,
                                                                "This sign-up link has expired or"
                                                                        + " was used already; sign"
                                                                        + " in, or sign up again"));
                        links.deleteAll(
                                handle,
                                AccountLinks.Purpose.SIGN_UP,
                                AccountLinks.Audience.LEARNER,
                                link.email());
                        if (store.emailTaken(handle, link.email())) {
                            throw emailTaken();
                        }
                        UUID learnerId =
                                insert(
                                        handle,
                                        link.email(),
                                        link.displayName().orElseThrow(),
                                        link.passwordHash().orElseThrow());
                        store.identifierId(handle, learnerId, IdentifierKind.EMAIL, link.email())
                                .filter(
                                        id ->
                                                !store.verifiedByAnyone(
                                                        handle, IdentifierKind.EMAIL, link.email()))
                                .ifPresent(id -> store.markVerified(handle, id, clock.instant()));
                        return startSession(handle, learnerId);
                    });
        } catch (RuntimeException e) {
            if (SqlStates.isUniqueViolation(e)) {
                throw emailTaken();
            }
            throw e;
        }
    }

    /** The learner and their sign-in address as their first identifier (unverified). */
    private UUID insert(Handle handle, String email, String displayName, String hash) {
        Instant now = clock.instant();
        UUID learnerId = UUID.randomUUID();
        store.insertLearner(handle, learnerId, email, displayName, hash, now);
        store.insertIdentifier(
                handle, UUID.randomUUID(), learnerId, IdentifierKind.EMAIL, email, now);
        return learnerId;
    }

    /**
     * Signs in with the sign-up address and password.
     *
     * @throws AppException {@link Problem#UNAUTHENTICATED} for a wrong address or password (one
     *     message for both), {@link Problem#TOO_MANY_REQUESTS} after too many failures
     */
    public LearnerSignedIn login(String email, String password) {
        return login(email, password, LoginGuard.UNKNOWN_CLIENT);
    }

    /**
     * Signs in with the sign-up address and password, braked per account and per client address
     * ({@link LoginGuard}).
     *
     * @param client the client's address (the brake's key; never shown)
     * @throws AppException as {@link #login(String, String)}
     */
    public LearnerSignedIn login(String email, String password, String client) {
        Authenticated found =
                authenticate(email, password, client)
                        .orElseThrow(() -> new AppException(Problem.UNAUTHENTICATED, BAD_LOGIN));
        return jdbi.inTransaction(
                handle -> {
                    found.rehash()
                            .ifPresent(
                                    hash ->
                                            store.updatePasswordHash(
                                                    handle, found.learnerId(), hash));
                    store.deleteExpiredSessions(handle, found.learnerId(), clock.instant());
                    return startSession(handle, found.learnerId());
                });
    }

    /** A learner whose password was right, and their password's new hash if it needs one. */
    private record Authenticated(UUID learnerId, Optional<String> rehash) {}

    /**
     * Checks a sign-in address and password (throttled per address; unknown addresses as slow as
     * wrong passwords).
     *
     * @return empty when the address or password is wrong
     * @throws AppException {@link Problem#TOO_MANY_REQUESTS} after too many failures
     */
    private Optional<Authenticated> authenticate(String email, String password, String client) {
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        guard.check(address, client);
        String given = password == null ? "" : password;
        Optional<LearnerStore.Credentials> found =
                jdbi.withHandle(handle -> store.credentials(handle, address));
        boolean matches =
                hasher.verify(
                                given,
                                found.map(LearnerStore.Credentials::passwordHash).orElse(dummyHash))
                        && found.isPresent();
        if (!matches) {
            guard.failed(address, client);
            return Optional.empty();
        }
        guard.succeeded(address, client);
        String hash = found.get().passwordHash();
        return Optional.of(
                new Authenticated(
                        found.get().learnerId(),
                        hasher.needsRehash(hash)
                                ? Optional.of(hasher.hash(given))
                                : Optional.empty()));
    }

    /**
     * Deletes the learner's account once their password is entered again: the learner, their
     * identifiers (free for anyone to verify afterwards), sessions, wallet entries, imports and
     * transcripts ({@link LeavingStore#LEARNER_TABLES}). Claims recorded for issuers stay: they are
     * the issuer's record of its credential, and name no learner.
     *
     * @throws AppException {@link Problem#INVALID_INPUT} (field {@code password}) for a wrong
     *     password, {@link Problem#TOO_MANY_REQUESTS} after too many
     */
    public void deleteAccount(UUID learnerId, String password) {
        String key = "delete:" + learnerId;
        if (!throttle.allows(key)) {
            throw tooManyAttempts();
        }
        String hash =
                jdbi.withHandle(handle -> store.passwordHash(handle, learnerId))
                        .orElseThrow(() -> AppException.notFound("Learner"));
        if (!hasher.verify(password == null ? "" : password, hash)) {
            throttle.recordFailure(key);
            throw AppException.invalid("password: this is not your password");
        }
        throttle.recordSuccess(key);
        jdbi.useTransaction(handle -> leaving.erase(handle, learnerId));
        LOG.log(Level.INFO, "Learner {0} deleted their account", learnerId);
    }

    /**
     * Merges a second account into the learner's: signing in to it (address and password) proves
     * control of it; its verified identifiers, wallet credentials and transcripts move to this
     * learner in one transaction (what this learner has already is not duplicated), and the second
     * account is deleted, its sessions with it.
     *
     * @throws AppException {@link Problem#INVALID_INPUT} for a wrong address or password, or the
     *     account signed in to; {@link Problem#TOO_MANY_REQUESTS} after too many failures
     */
    public MergedAccount merge(UUID learnerId, String email, String password) {
        Authenticated other =
                authenticate(email, password, "merge:" + learnerId)
                        .orElseThrow(
                                () ->
                                        AppException.invalid(
                                                "email: wrong e-mail address or password for the"
                                                        + " other wallet"));
        if (other.learnerId().equals(learnerId)) {
            throw AppException.invalid("email: this is the wallet you are signed in to");
        }
        LeavingStore.Moved moved =
                jdbi.inTransaction(
                        handle -> {
                            LeavingStore.Moved result =
                                    leaving.merge(handle, learnerId, other.learnerId());
                            leaving.erase(handle, other.learnerId());
                            return result;
                        });
        LOG.log(
                Level.INFO,
                "Learner {0} merged into learner {1}: {2} identifiers, {3} credentials,"
                        + " {4} transcripts moved",
                other.learnerId(),
                learnerId,
                moved.identifiers(),
                moved.credentials(),
                moved.transcripts());
        return new MergedAccount(moved.identifiers(), moved.credentials(), moved.transcripts());
    }

    private static AppException tooManyAttempts() {
        return new AppException(
                Problem.TOO_MANY_REQUESTS,
                "Too many attempts: wait 15 minutes before trying to sign in again");
    }

    /** Ends the session with that token; an unknown token is already signed out. */
    public void logout(String sessionToken) {
        if (sessionToken != null) {
            jdbi.useHandle(handle -> store.deleteSession(handle, SecretTokens.hash(sessionToken)));
        }
    }

    /** The live session behind a token (empty when unknown or expired). */
    public Optional<LearnerSession> session(String sessionToken) {
        if (sessionToken == null || sessionToken.isEmpty() || sessionToken.length() > 100) {
            return Optional.empty();
        }
        return jdbi.withHandle(
                handle -> store.session(handle, SecretTokens.hash(sessionToken), clock.instant()));
    }

    private LearnerSignedIn startSession(Handle handle, UUID learnerId) {
        String token = tokens.next();
        Instant now = clock.instant();
        String hash = SecretTokens.hash(token);
        store.insertSession(
                handle, hash, learnerId, tokens.next(), now, now.plus(SESSION_LIFETIME));
        return new LearnerSignedIn(token, store.session(handle, hash, now).orElseThrow());
    }

    private static AppException emailTaken() {
        return new AppException(
                Problem.CONFLICT, "email: a wallet with this address exists; sign in instead");
    }
}
