package org.credence.app.credential;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.issuer.WebReferences;

/**
 * Filters and page of an organisation's credential list.
 *
 * @param achievementId only this achievement's credentials
 * @param state only credentials in this state now
 * @param recipient text the recipient's email, identifier or name contains (case-insensitive)
 * @param page 0-based page number
 * @param pageSize 1 to 200
 */
public record CredentialQuery(
        Optional<UUID> achievementId,
        Optional<CredentialState> state,
        Optional<String> recipient,
        int page,
        int pageSize) {

    public CredentialQuery {
        Objects.requireNonNull(achievementId, "achievementId");
        Objects.requireNonNull(state, "state");
        recipient =
                Objects.requireNonNull(recipient, "recipient")
                        .map(text -> WebReferences.optionalText("recipient", text, 320))
                        .filter(text -> !text.isEmpty());
        if (page < 0 || page > 100_000) {
            throw AppException.invalid("page: must be 0 to 100000");
        }
        if (pageSize < 1 || pageSize > 200) {
            throw AppException.invalid("pageSize: must be 1 to 200");
        }
    }

    /** The first page of 50, unfiltered. */
    public static CredentialQuery all() {
        return new CredentialQuery(Optional.empty(), Optional.empty(), Optional.empty(), 0, 50);
    }

    public CredentialQuery withAchievement(UUID id) {
        return new CredentialQuery(Optional.of(id), state, recipient, page, pageSize);
    }

    public CredentialQuery withState(CredentialState value) {
        return new CredentialQuery(achievementId, Optional.of(value), recipient, page, pageSize);
    }

    public CredentialQuery withRecipient(String text) {
        return new CredentialQuery(achievementId, state, Optional.of(text), page, pageSize);
    }

    public CredentialQuery withPage(int number, int size) {
        return new CredentialQuery(achievementId, state, recipient, number, size);
    }
}
