package org.credence.app.organization;

import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.db.Database;
import org.credence.app.delivery.AccountEmails;
import org.credence.app.organization.SignUp.Passwords;
import org.jdbi.v3.core.Jdbi;

/**
 * Setting a new password: by a single-use link e-mailed to the account's address (forgotten
 * password), or with the current one while signed in. One instance per kind of account ({@link
 * PasswordAccounts}: members or learners).
 *
 * <p>A reset request gets the same answer whether or not the address has an account: the e-mail is
 * queued only when it has one, through the outbox, so the answer does not wait on a mail server
 * either way. The link works once for {@link AccountLinks#RESET_VALIDITY}; using it sets the
 * password, ends every session of the account and every other reset link, and e-mails a notice. At
 * most {@link #MAX_MAILS_PER_ADDRESS} reset e-mails go to one address per {@link #MAIL_WINDOW} (in
 * memory, per node, like the sign-in brake): nobody can flood a mailbox. A change needs the current
 * password (wrong ones braked as a deletion's are) and ends the account's other sessions.
 *
 * <p>Thread-safe.
 */
public final class PasswordService {

    /** Reset e-mails sent to one address in {@link #MAIL_WINDOW}. */
    public static final int MAX_MAILS_PER_ADDRESS = 5;

    public static final Duration MAIL_WINDOW = Duration.ofHours(1);

    private static final System.Logger LOG = System.getLogger(PasswordService.class.getName());

    private final Jdbi jdbi;
    private final PasswordAccounts accounts;
    private final PasswordHasher hasher;
    private final AccountLinks links;
    private final AccountEmails emails;
    private final LoginThrottle mailsByAddress;
    private final LoginThrottle wrongCurrent;

    public PasswordService(
            Database database,
            PasswordAccounts accounts,
            Clock clock,
            SecureRandom random,
            PasswordHasher.Parameters hashing) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.hasher = new PasswordHasher(hashing, random);
        this.links = new AccountLinks(clock, new SecretTokens(random));
        this.emails = new AccountEmails(clock);
        this.mailsByAddress = new LoginThrottle(clock, MAX_MAILS_PER_ADDRESS, MAIL_WINDOW);
        this.wrongCurrent = new LoginThrottle(clock, 5, Duration.ofMinutes(15));
    }

    /**
     * E-mails a reset link when the address has an account; does nothing otherwise. Either way the
     * caller answers the same.
     *
     * @param baseUrl the installation's public URL, for the link
     * @throws AppException {@link Problem#INVALID_INPUT} (field {@code email}) when it is not an
     *     e-mail address at all
     */
    public void requestReset(String email, String baseUrl) {
        String address = Passwords.email("email", email);
        jdbi.useTransaction(
                handle -> {
                    if (accounts.idByEmail(handle, address).isEmpty()) {
                        return;
                    }
                    if (!mailsByAddress.allows(address)) {
                        LOG.log(Level.INFO, "Reset e-mail not sent: too many for one address");
                        return;
                    }
                    mailsByAddress.recordFailure(address);
                    String token =
                            links.create(
                                    handle,
                                    AccountLinks.Purpose.RESET,
                                    accounts.audience(),
                                    AccountLinks.Link.reset(address));
                    emails.queue(
                            handle,
                            address,
                            AccountEmails.Kind.RESET_PASSWORD,
                            accounts.accountName(),
                            Map.of(
                                    "link",
                                    baseUrl + accounts.resetPath() + "/" + token,
                                    "minutes",
                                    Long.toString(AccountLinks.RESET_VALIDITY.toMinutes())));
                });
    }

    /** Whether a reset link's token is live (to show its form, or say it is dead). */
    public boolean resetLinkWorks(String token) {
        return jdbi.withHandle(
                        handle ->
                                links.find(
                                        handle,
                                        AccountLinks.Purpose.RESET,
                                        accounts.audience(),
                                        token))
                .isPresent();
    }

    /**
     * Sets a new password with a reset link's token, once; ends every session of the account.
     *
     * @param baseUrl the installation's public URL, for the notice e-mail
     * @throws AppException {@link Problem#INVALID_INPUT} (field {@code password}) for a password
     *     the rules refuse (the link still works then), {@link Problem#NOT_FOUND} for a link that
     *     is unknown, used or expired
     */
    public void reset(String token, String newPassword, String baseUrl) {
        Passwords.requireStrong("password", newPassword == null ? "" : newPassword);
        String hash = hasher.hash(newPassword);
        jdbi.useTransaction(
                handle -> {
                    AccountLinks.Link link =
                            links.take(
                                            handle,
                                            AccountLinks.Purpose.RESET,
                                            accounts.audience(),
                                            token)
                                    .orElseThrow(PasswordService::deadLink);
                    UUID accountId =
                            accounts.idByEmail(handle, link.email())
                                    .orElseThrow(PasswordService::deadLink);
                    accounts.setPasswordHash(handle, accountId, hash);
                    accounts.endSessions(handle, accountId, Optional.empty());
                    links.deleteAll(
                            handle, AccountLinks.Purpose.RESET, accounts.audience(), link.email());
                    notifyChanged(handle, link.email(), baseUrl);
                });
        LOG.log(Level.INFO, "A {0} password was reset by e-mailed link", accounts.audience());
    }

    /**
     * Changes a signed-in person's password; their other sessions end, this one stays.
     *
     * @param sessionToken the token of the session that asks (kept)
     * @throws AppException {@link Problem#INVALID_INPUT} naming {@code currentPassword} (wrong) or
     *     {@code newPassword} (refused by the rules), {@link Problem#TOO_MANY_REQUESTS} after too
     *     many wrong current passwords
     */
    public void change(UUID accountId, String sessionToken, PasswordChange change, String baseUrl) {
        String key = accountId.toString();
        if (!wrongCurrent.allows(key)) {
            throw new AppException(
                    Problem.TOO_MANY_REQUESTS,
                    "Too many wrong passwords: wait 15 minutes before trying again");
        }
        Passwords.requireStrong("newPassword", change.newPassword());
        String stored =
                jdbi.withHandle(handle -> accounts.passwordHash(handle, accountId))
                        .orElseThrow(() -> AppException.notFound("Account"));
        if (!hasher.verify(change.currentPassword(), stored)) {
            wrongCurrent.recordFailure(key);
            throw AppException.invalid("currentPassword: this is not your current password");
        }
        wrongCurrent.recordSuccess(key);
        String hash = hasher.hash(change.newPassword());
        jdbi.useTransaction(
                handle -> {
                    accounts.setPasswordHash(handle, accountId, hash);
                    accounts.endSessions(
                            handle, accountId, Optional.of(SecretTokens.hash(sessionToken)));
                    accounts.email(handle, accountId)
                            .ifPresent(email -> notifyChanged(handle, email, baseUrl));
                });
    }

    private void notifyChanged(org.jdbi.v3.core.Handle handle, String email, String baseUrl) {
        emails.queue(
                handle,
                email,
                AccountEmails.Kind.PASSWORD_CHANGED,
                accounts.accountName(),
                Map.of("resetUrl", baseUrl + accounts.resetPath()));
    }

    private static AppException deadLink() {
        return new AppException(
                Problem.NOT_FOUND,
                "This link to set a new password has expired or was used already; ask for a new"
                        + " one");
    }
}
