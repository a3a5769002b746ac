package org.credence.app.organization;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Single-use links e-mailed to prove a mailbox, for members and learners alike: confirming a
 * sign-up ({@link Purpose#SIGN_UP}, valid {@link #SIGN_UP_VALIDITY}) and resetting a password
 * ({@link Purpose#RESET}, valid {@link #RESET_VALIDITY}). The token is 32 random bytes ({@link
 * SecretTokens}); only its SHA-256 is stored, so a leaked table opens nothing. {@link #take}
 * deletes the link in the caller's transaction (row-locked first), so it works once even when two
 * requests race. The SQL lives here because the table serves both kinds of account.
 *
 * <p>Public for the learner wallet. Thread-safe.
 */
public final class AccountLinks {

    /** How long a sign-up confirmation link works. */
    public static final Duration SIGN_UP_VALIDITY = Duration.ofHours(24);

    /** How long a password reset link works (short: it is as good as the password). */
    public static final Duration RESET_VALIDITY = Duration.ofMinutes(30);

    /** What a link is for. */
    public enum Purpose {
        SIGN_UP("signup"),
        RESET("reset");

        final String value;

        Purpose(String value) {
            this.value = value;
        }
    }

    /** Whose account: an organisation member's or a learner's. */
    public enum Audience {
        MEMBER,
        LEARNER;

        String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A live link.
     *
     * @param email the address it was sent to (lowercase)
     * @param displayName for a sign-up: the person's name
     * @param organisationName for a member's sign-up: the new organisation's name
     * @param passwordHash for a sign-up: the chosen password's Argon2id hash
     */
    public record Link(
            String email,
            Optional<String> displayName,
            Optional<String> organisationName,
            Optional<String> passwordHash) {

        public Link {
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(organisationName, "organisationName");
            Objects.requireNonNull(passwordHash, "passwordHash");
        }

        /** A reset link's contents: only the address. */
        public static Link reset(String email) {
            return new Link(email, Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    private final Clock clock;
    private final SecretTokens tokens;

    public AccountLinks(Clock clock, SecretTokens tokens) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /** Stores a new link and returns its token (to put in the e-mail, never stored). */
    public String create(Handle handle, Purpose purpose, Audience audience, Link link) {
        String token = tokens.next();
        Instant now = clock.instant();
        Duration validity = purpose == Purpose.RESET ? RESET_VALIDITY : SIGN_UP_VALIDITY;
        handle.createUpdate(
                        """
                        INSERT INTO account_links (token_hash, purpose, audience, email,
                            display_name, organisation_name, password_hash, created_at, expires_at)
                        VALUES (:hash, :purpose, :audience, :email, :name, :organisation,
                            :password, :now, :expires)
                        """)
                .bind("hash", SecretTokens.hash(token))
                .bind("purpose", purpose.value)
                .bind("audience", audience.value())
                .bind("email", link.email())
                .bind("name", link.displayName().orElse(null))
                .bind("organisation", link.organisationName().orElse(null))
                .bind("password", link.passwordHash().orElse(null))
                .bind("now", now)
                .bind("expires", now.plus(validity))
                .execute();
        return token;
    }

    /** The live link behind a token, left as it is (to show its page before it is used). */
    public Optional<Link> find(Handle handle, Purpose purpose, Audience audience, String token) {
        return select(handle, purpose, audience, token, "");
    }

    /** Uses a link: returns it and deletes it, in the caller's transaction. Empty when dead. */
    public Optional<Link> take(Handle handle, Purpose purpose, Audience audience, String token) {
        Optional<Link> link = select(handle, purpose, audience, token, " FOR UPDATE");
        link.ifPresent(
                found ->
                        handle.createUpdate("DELETE FROM account_links WHERE token_hash = :hash")
                                .bind("hash", SecretTokens.hash(token))
                                .execute());
        return link;
    }

    /** Deletes every link of that purpose sent to the address (and expired ones of anyone). */
    public void deleteAll(Handle handle, Purpose purpose, Audience audience, String email) {
        handle.createUpdate(
                        """
                        DELETE FROM account_links
                        WHERE (purpose = :purpose AND audience = :audience AND email = :email)
                           OR expires_at <= :now
                        """)
                .bind("purpose", purpose.value)
                .bind("audience", audience.value())
                .bind("email", email)
                .bind("now", clock.instant())
                .execute();
    }

    private Optional<Link> select(
            Handle handle, Purpose purpose, Audience audience, String token, String lock) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return handle.createQuery(
                        """
                        SELECT email, display_name, organisation_name, password_hash, expires_at
                        FROM account_links
                        WHERE token_hash = :hash AND purpose = :purpose AND audience = :audience
                        """
                                + lock)
                .bind("hash", SecretTokens.hash(token))
                .bind("purpose", purpose.value)
                .bind("audience", audience.value())
                .map(
                        (row, context) ->
                                row.getObject("expires_at", OffsetDateTime.class)
                                                .toInstant()
                                                .isAfter(clock.instant())
                                        ? Optional.of(
                                                new Link(
                                                        row.getString("email"),
                                                        Optional.ofNullable(
                                                                row.getString("display_name")),
                                                        Optional.ofNullable(
                                                                row.getString("organisation_name")),
                                                        Optional.ofNullable(
                                                                row.getString("password_hash"))))
                                        : Optional.<Link>empty())
                .findOne()
                .flatMap(link -> link);
    }
}
