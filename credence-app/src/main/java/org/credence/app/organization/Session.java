package org.credence.app.organization;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A signed-in member acting for one organisation, as found from a session token. The role is read
 * from the membership on every lookup, so a role change or removal takes effect at once.
 *
 * @param userId the person
 * @param email their e-mail address
 * @param displayName their name
 * @param organisationId the organisation the session acts for
 * @param organisationName its name
 * @param role the person's role in it
 * @param csrfToken the token every state-changing form of this session must carry
 * @param expiresAt when the session ends
 */
public record Session(
        UUID userId,
        String email,
        String displayName,
        UUID organisationId,
        String organisationName,
        Role role,
        String csrfToken,
        Instant expiresAt) {

    public Session {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(organisationName, "organisationName");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The actor for the services. */
    public Actor actor() {
        return new Actor(organisationId, email, role, Optional.of(userId));
    }

    @Override
    public String toString() {
        return "Session[" + email + ", " + organisationId + ", " + role.value() + "]";
    }
}
