package org.credence.app.wallet;

import java.util.Optional;
import java.util.UUID;
import org.credence.app.organization.AccountLinks;
import org.credence.app.organization.PasswordAccounts;
import org.jdbi.v3.core.Handle;

/** Learners' wallet accounts for the password service. Stateless and thread-safe. */
public final class LearnerPasswordAccounts implements PasswordAccounts {

    private final LearnerStore store = new LearnerStore();

    @Override
    public AccountLinks.Audience audience() {
        return AccountLinks.Audience.LEARNER;
    }

    @Override
    public String accountName() {
        return "Credence wallet";
    }

    @Override
    public String loginPath() {
        return "/wallet/login";
    }

    @Override
    public String resetPath() {
        return "/wallet/password-reset";
    }

    @Override
    public Optional<UUID> idByEmail(Handle handle, String email) {
        return store.credentials(handle, email).map(LearnerStore.Credentials::learnerId);
    }

    @Override
    public Optional<String> email(Handle handle, UUID accountId) {
        return store.profile(handle, accountId).map(LearnerStore.Profile::email);
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
