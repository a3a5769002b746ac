package org.credence.app.organization;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An invitation to join an organisation, sent to an e-mail address with no account yet. Its token
 * is only shown when it is created; the database keeps a hash.
 *
 * @param organisationId the organisation
 * @param organisationName its name, shown on the invitation page
 * @param email who is invited
 * @param role the role they will get
 * @param createdAt when
 * @param expiresAt when the link stops working
 */
public record Invitation(
        UUID organisationId,
        String organisationName,
        String email,
        Role role,
        Instant createdAt,
        Instant expiresAt) {

    public Invitation {
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(organisationName, "organisationName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
