package org.credence.app.organization;

import java.security.SecureRandom;
import java.text.Normalizer;
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
import org.credence.app.audit.AuditStore;
import org.credence.app.db.Database;
import org.credence.app.delivery.AccountEmails;
import org.credence.app.organization.SignUp.Passwords;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Accounts and sessions: signing up (a new organisation and its first owner), signing in and out,
 * finding the member behind a session token, and accepting an invitation.
 *
 * <p>Session tokens are 32 random bytes handed to the caller; only their SHA-256 is stored, with a
 * CSRF token and a 12-hour expiry. Passwords are hashed with Argon2id ({@link PasswordHasher}).
 * Failed logins are braked per account and per client address ({@link LoginGuard}). Unknown
 * addresses cost as much time as wrong passwords, so timing does not reveal who has an account.
 *
 * <p>Thread-safe.
 */
public final class AccountService {

    /** How long a session lasts. */
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);

    private static final String BAD_LOGIN = "Wrong e-mail address or password";
    private static final String ACCOUNT_NAME = "Credence organisation account";

    private final Jdbi jdbi;
    private final Clock clock;
    private final SecretTokens tokens;
    private final PasswordHasher hasher;
    private final LoginGuard guard;
    private final String dummyHash;
    private final AccountLinks links;
    private final AccountEmails emails;
    private final LoginThrottle mailsByAddress;
    private final AccountStore store = new AccountStore();
    private final MemberStore members = new MemberStore();
    private final AuditStore audit = new AuditStore();

    public AccountService(Database database, Clock clock, SecureRandom random) {
        this(database, clock, random, PasswordHasher.DEFAULT);
    }

    /** With other Argon2id costs (tests use cheaper ones; production the default). */
    public AccountService(
            Database database,
            Clock clock,
            SecureRandom random,
            PasswordHasher.Parameters hashing) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokens = new SecretTokens(random);
        this.hasher = new PasswordHasher(hashing, random);
        this.guard = new LoginGuard(clock);
        this.dummyHash = hasher.hash(tokens.next());
        this.links = new AccountLinks(clock, tokens);
        this.emails = new AccountEmails(clock);
        this.mailsByAddress =
                new LoginThrottle(
                        clock, PasswordService.MAX_MAILS_PER_ADDRESS, PasswordService.MAIL_WINDOW);
    }

    /**
     * Creates an organisation (its slug derived from the name, made unique), its first owner, and a
     * session for them, at once: for trusted callers that know the address is theirs (the CLI's
     * demo data, benchmarks, tests). People signing up on the web go through {@link #register},
     * which proves the address first and does not tell whether it has an account.
     *
     * @throws AppException {@link Problem#CONFLICT} when the e-mail address has an account
     */
    public SignedIn signUp(SignUp request) {
        String passwordHash = hasher.hash(request.password());
        Instant now = clock.instant();
        try {
            return jdbi.inTransaction(
                    handle -> {
                        if (store.userId(handle, request.email()).isPresent()) {
                            throw emailTaken();
                        }
                        return createOrganisation(handle, asked(request, passwordHash), now);
                    });
        } catch (UnableToExecuteStatementException e) {
            if (isUniqueViolation(e)) {
                // Two sign-ups raced for the same address (or slug); the loser sees the usual
                // answer.
                throw emailTaken();
            }
            throw e;
        }
    }

    private static AccountLinks.Link asked(SignUp request, String passwordHash) {
        return new AccountLinks.Link(
                request.email(),
                Optional.of(request.displayName()),
                Optional.of(request.organisationName()),
                Optional.of(passwordHash));
    }

    /**
     * A sign-up from the web: e-mails a link that confirms the address ({@link #confirmSignUp} then
     * creates the organisation and signs the person in). When the address has an account already,
     * its owner is e-mailed instead (sign in, or reset the password). Either way the caller answers
     * the same, so the answer does not tell who has an account. At most {@link
     * PasswordService#MAX_MAILS_PER_ADDRESS} such e-mails go to one address per hour.
     *
     * @param baseUrl the installation's public URL, for the links
     */
    public void register(SignUp request, String baseUrl) {
        String passwordHash = hasher.hash(request.password());
        jdbi.useTransaction(
                handle -> {
                    if (!mailsByAddress.allows(request.email())) {
                        return;
                    }
                    mailsByAddress.recordFailure(request.email());
                    if (store.userId(handle, request.email()).isPresent()) {
                        emails.queue(
                                handle,
                                request.email(),
                                AccountEmails.Kind.ALREADY_SIGNED_UP,
                                ACCOUNT_NAME,
                                Map.of(
                                        "loginUrl", baseUrl + "/login",
                                        "resetUrl", baseUrl + "/password-reset"));
                        return;
                    }
                    String token =
                            links.create(
                                    handle,
                                    AccountLinks.Purpose.SIGN_UP,
                                    AccountLinks.Audience.MEMBER,
                                    asked(request, passwordHash));
                    emails.queue(
                            handle,
                            request.email(),
                            AccountEmails.Kind.CONFIRM_SIGN_UP,
                            ACCOUNT_NAME,
                            Map.of(
                                    "link",
                                    baseUrl + "/signup/" + token,
                                    "hours",
                                    Long.toString(AccountLinks.SIGN_UP_VALIDITY.toHours())));
                });
    }

    /** The address a live sign-up link confirms (to show before confirming). */
    public Optional<String> signUpAddress(String token) {
        return jdbi.withHandle(
                handle ->
                        links.find(
                                        handle,
                                        AccountLinks.Purpose.SIGN_UP,
                                        AccountLinks.Audience.MEMBER,
                                        token)
                                .map(AccountLinks.Link::email));
    }

    /**
     * Confirms a sign-up with its e-mailed link, once: creates the organisation and its owner as
     * asked, and signs them in. Other pending sign-ups of that address die with it.
     *
     * @throws AppException {@link Problem#NOT_FOUND} for an unknown, used or expired link, {@link
     *     Problem#CONFLICT} when the address got an account meanwhile
     */
    public SignedIn confirmSignUp(String token) {
        Instant now = clock.instant();
        try {
            return jdbi.inTransaction(
                    handle -> {
                        AccountLinks.Link link =
                                links.take(
                                                handle,
                                                AccountLinks.Purpose.SIGN_UP,
                                                AccountLinks.Audience.MEMBER,
                                                token)
                                        .orElseThrow(AccountService::deadSignUpLink);
                        links.deleteAll(
                                handle,
                                AccountLinks.Purpose.SIGN_UP,
                                AccountLinks.Audience.MEMBER,
                                link.email());
                        if (store.userId(handle, link.email()).isPresent()) {
                            throw emailTaken();
                        }
                        return createOrganisation(handle, link, now);
                    });
        } catch (UnableToExecuteStatementException e) {
            if (isUniqueViolation(e)) {
                throw emailTaken();
            }
            throw e;
        }
    }

    private static AppException deadSignUpLink() {
        return new AppException(
                Problem.NOT_FOUND,
                "This sign-up link has expired or was used already; sign in, or sign up again");
    }

    /** The organisation, its owner (the link's address, name and password hash), a session. */
    private SignedIn createOrganisation(Handle handle, AccountLinks.Link request, Instant now) {
        String organisationName = request.organisationName().orElseThrow();
        UUID organisationId = UUID.randomUUID();
        String slug = uniqueSlug(handle, organisationName);
        store.insertOrganisation(handle, organisationId, slug, organisationName, now);
        UUID userId = UUID.randomUUID();
        store.insertUser(
                handle,
                userId,
                request.email(),
                request.displayName().orElseThrow(),
                request.passwordHash().orElseThrow(),
                now);
        members.insert(handle, organisationId, userId, Role.OWNER, now);
        audit.append(
                handle,
                organisationId,
                now,
                request.email(),
                "organisation.created",
                organisationId.toString(),
                slug);
        return startSession(handle, userId, organisationId);
    }

    /**
     * Signs in from a client whose address is not known (the CLI, tests): see {@link #login(String,
     * String, String)}.
     */
    public SignedIn login(String email, String password) {
        return login(email, password, LoginGuard.UNKNOWN_CLIENT);
    }

    /**
     * Signs in with e-mail address and password. Failures are braked per account and per client
     * address ({@link LoginGuard}): a client that must wait is refused before the password is
     * checked.
     *
     * @param client the client's address (the brake's key; never shown)
     * @throws AppException {@link Problem#UNAUTHENTICATED} for a wrong address or password (one
     *     message for both), {@link Problem#TOO_MANY_REQUESTS} while the client must wait
     */
    public SignedIn login(String email, String password, String client) {
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        guard.check(address, client);
        String given = password == null ? "" : password;
        Optional<AccountStore.Credentials> credentials =
                jdbi.withHandle(handle -> store.credentials(handle, address));
        boolean matches =
                hasher.verify(
                                given,
                                credentials
                                        .map(AccountStore.Credentials::passwordHash)
                                        .orElse(dummyHash))
                        && credentials.isPresent();
        if (!matches) {
            guard.failed(address, client);
            throw new AppException(Problem.UNAUTHENTICATED, BAD_LOGIN);
        }
        guard.succeeded(address, client);
        UUID userId = credentials.get().userId();
        String rehash =
                hasher.needsRehash(credentials.get().passwordHash()) ? hasher.hash(given) : null;
        return jdbi.inTransaction(
                handle -> {
                    if (rehash != null) {
                        store.updatePasswordHash(handle, userId, rehash);
                    }
                    store.deleteExpiredSessions(handle, userId, clock.instant());
                    UUID organisationId =
                            store.firstOrganisation(handle, userId)
                                    .orElseThrow(
                                            () ->
                                                    new AppException(
                                                            Problem.FORBIDDEN,
                                                            "You are not a member of any"
                                                                    + " organisation any more"));
                    return startSession(handle, userId, organisationId);
                });
    }

    /** Ends the session with that token; an unknown token is already signed out. */
    public void logout(String sessionToken) {
        if (sessionToken != null) {
            jdbi.useHandle(handle -> store.deleteSession(handle, SecretTokens.hash(sessionToken)));
        }
    }

    /** The live session behind a token (empty when unknown, expired, or no longer a member). */
    public Optional<Session> session(String sessionToken) {
        if (sessionToken == null || sessionToken.isEmpty() || sessionToken.length() > 100) {
            return Optional.empty();
        }
        return jdbi.withHandle(
                handle -> store.session(handle, SecretTokens.hash(sessionToken), clock.instant()));
    }

    /** The invitation behind a link's token, to show before accepting it. */
    public Optional<Invitation> invitation(String invitationToken) {
        if (invitationToken == null || invitationToken.length() > 100) {
            return Optional.empty();
        }
        return jdbi.withHandle(
                handle ->
                        members.invitation(
                                handle, SecretTokens.hash(invitationToken), clock.instant()));
    }

    /**
     * Accepts an invitation: creates the person's account with that password, makes them a member
     * with the invited role, and signs them in. The link works once.
     *
     * @throws AppException {@link Problem#NOT_FOUND} for an unknown, used or expired link
     */
    public SignedIn acceptInvitation(String invitationToken, String displayName, String password) {
        String name =
                org.credence.app.issuer.WebReferences.requireText("displayName", displayName, 200);
        Passwords.requireStrong("password", password);
        String passwordHash = hasher.hash(password);
        String tokenHash = SecretTokens.hash(invitationToken == null ? "" : invitationToken);
        Instant now = clock.instant();
        return jdbi.inTransaction(
                handle -> {
                    Invitation invitation =
                            members.invitation(handle, tokenHash, now)
                                    .orElseThrow(() -> AppException.notFound("Invitation"));
                    if (store.userId(handle, invitation.email()).isPresent()) {
                        throw new AppException(
                                Problem.CONFLICT,
                                "email: "
                                        + invitation.email()
                                        + " already has an account: accept with its password"
                                        + " instead");
                    }
                    if (!members.deleteInvitation(handle, tokenHash)) {
                        throw AppException.notFound("Invitation");
                    }
                    UUID userId = UUID.randomUUID();
                    store.insertUser(handle, userId, invitation.email(), name, passwordHash, now);
                    members.insert(
                            handle, invitation.organisationId(), userId, invitation.role(), now);
                    audit.append(
                            handle,
                            invitation.organisationId(),
                            now,
                            invitation.email(),
                            "invitation.accepted",
                            userId.toString(),
                            invitation.role().value());
                    return startSession(handle, userId, invitation.organisationId());
                });
    }

    /**
     * Accepts an invitation for the existing account of the invited address, proven by its password
     * (throttled like signing in): the person becomes a member with the invited role and is signed
     * in to that organisation. The link works once. (Signed-in people accept with {@link
     * MemberService#accept}; this also serves someone who belongs to no organisation any more and
     * so cannot sign in.)
     *
     * @throws AppException {@link Problem#NOT_FOUND} for an unknown, used or expired link, {@link
     *     Problem#UNAUTHENTICATED} for a wrong password, {@link Problem#CONFLICT} when already a
     *     member
     */
    public SignedIn acceptInvitationWithPassword(String invitationToken, String password) {
        return acceptInvitationWithPassword(invitationToken, password, LoginGuard.UNKNOWN_CLIENT);
    }

    /**
     * As {@link #acceptInvitationWithPassword(String, String)}, throttled per account and client.
     */
    public SignedIn acceptInvitationWithPassword(
            String invitationToken, String password, String client) {
        String tokenHash = SecretTokens.hash(invitationToken == null ? "" : invitationToken);
        Invitation invitation =
                invitation(invitationToken).orElseThrow(() -> AppException.notFound("Invitation"));
        String address = invitation.email();
        guard.check(address, client);
        Optional<AccountStore.Credentials> credentials =
                jdbi.withHandle(handle -> store.credentials(handle, address));
        boolean matches =
                hasher.verify(
                                password == null ? "" : password,
                                credentials
                                        .map(AccountStore.Credentials::passwordHash)
                                        .orElse(dummyHash))
                        && credentials.isPresent();
        if (!matches) {
            guard.failed(address, client);
            throw new AppException(Problem.UNAUTHENTICATED, "Wrong password for " + address);
        }
        guard.succeeded(address, client);
        UUID userId = credentials.get().userId();
        Instant now = clock.instant();
        return jdbi.inTransaction(
                handle -> {
                    UUID organisationId = invitation.organisationId();
                    if (members.find(handle, organisationId, userId).isPresent()) {
                        throw new AppException(
                                Problem.CONFLICT,
                                "You are already a member of " + invitation.organisationName());
                    }
                    if (!members.deleteInvitation(handle, tokenHash)) {
                        throw AppException.notFound("Invitation");
                    }
                    members.insert(handle, organisationId, userId, invitation.role(), now);
                    audit.append(
                            handle,
                            organisationId,
                            now,
                            address,
                            "invitation.accepted",
                            userId.toString(),
                            invitation.role().value());
                    return startSession(handle, userId, organisationId);
                });
    }

    private SignedIn startSession(Handle handle, UUID userId, UUID organisationId) {
        String token = tokens.next();
        Instant now = clock.instant();
        AccountStore.SessionTimes times =
                new AccountStore.SessionTimes(tokens.next(), now, now.plus(SESSION_LIFETIME));
        String hash = SecretTokens.hash(token);
        store.insertSession(handle, hash, userId, organisationId, times);
        Session session = store.session(handle, hash, now).orElseThrow();
        return new SignedIn(token, session);
    }

    private String uniqueSlug(Handle handle, String organisationName) {
        String base = slug(organisationName);
        String candidate = base;
        for (int n = 2; store.slugTaken(handle, candidate); n++) {
            String suffix = "-" + n;
            candidate = base.substring(0, Math.min(base.length(), 64 - suffix.length())) + suffix;
        }
        return candidate;
    }

    /** Lowercase ASCII letters and digits joined by single hyphens, at most 64 characters. */
    static String slug(String name) {
        String ascii =
                Normalizer.normalize(name, Normalizer.Form.NFKD)
                        .replaceAll("\\p{M}", "")
                        .toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 50) {
            slug = slug.substring(0, 50).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "organisation" : slug;
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static AppException emailTaken() {
        return new AppException(
                Problem.CONFLICT, "email: an account with this address exists; sign in instead");
    }
}
