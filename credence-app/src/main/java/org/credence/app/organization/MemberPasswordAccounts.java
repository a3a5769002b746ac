package org.credence.app.organization;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** Organisation members' accounts for {@link PasswordService}. Stateless and thread-safe. */
public final class MemberPasswordAccounts implements PasswordAccounts {

    private final AccountStore store = new AccountStore();

    @Override
    public AccountLinks.Audience audience() {
        return AccountLinks.Audience.MEMBER;
    }

    @Override
    public String accountName() {
        return "Credence organisation account";
    }

    @Override
    public String loginPath() {
        return "/login";
    }

    @Override
    public String resetPath() {
        return "/password-reset";
    }

    @Override
    public Optional<UUID> idByEmail(Handle handle, String email) {
        return store.userId(handle, email);
    }

    @Override
    public Optional<String> email(Handle handle, UUID accountId) {
        return store.email(handle, accountId);
    }

    @Override
    public Optional<String> passwordHash(Handle handle, UUID accountId) {
        return store.passwordHash(handle, accountId);
    }

    @Override
    public void setPasswordHash(Handle handle, UUID accountId, String hash) {
        store.updatePasswordHash(handle, accountId, hash);
    }

    @Override
    public void endSessions(Handle handle, UUID accountId, Optional<String> keepTokenHash) {
        store.deleteAllSessions(handle, accountId, keepTokenHash.orElse(""));
    }
}
