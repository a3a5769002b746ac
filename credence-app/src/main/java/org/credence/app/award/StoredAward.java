package org.credence.app.award;

import java.util.Objects;
import java.util.UUID;

/**
 * A credential just stored, as an {@link AfterStore} hook sees it inside the issuing transaction.
 *
 * @param credentialId the credential's public id
 * @param organisationId the issuing organisation
 * @param recipient who it is for (with the e-mail address, if it went to one)
 * @param achievementName what was awarded
 * @param issuerName who awarded it
 */
public record StoredAward(
        UUID credentialId,
        UUID organisationId,
        AwardRecipient recipient,
        String achievementName,
        String issuerName) {

    public StoredAward {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(achievementName, "achievementName");
        Objects.requireNonNull(issuerName, "issuerName");
    }
}
