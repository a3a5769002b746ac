package org.credence.app.organization;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The accounts whose passwords {@link PasswordService} resets and changes: organisation members' or
 * learners'. Implementations run SQL on the caller's handle. Stateless and thread-safe.
 */
public interface PasswordAccounts {

    /** Whose accounts these are (the kind of link e-mailed for them). */
    AccountLinks.Audience audience();

    /** What the e-mails call the account, e.g. "Credence organisation account". */
    String accountName();

    /** The path of the sign-in page, e.g. {@code /login}. */
    String loginPath();

    /** The path of the reset request page, e.g. {@code /password-reset}. */
    String resetPath();

    /** The account with that sign-in address. */
    Optional<UUID> idByEmail(Handle handle, String email);

    /** The account's sign-in address. */
    Optional<String> email(Handle handle, UUID accountId);

    Optional<String> passwordHash(Handle handle, UUID accountId);

    void setPasswordHash(Handle handle, UUID accountId, String hash);

    /** Ends the account's sessions, all but the one with {@code keepTokenHash} when given. */
    void endSessions(Handle handle, UUID accountId, Optional<String> keepTokenHash);
}
