package org.credence.app.organization;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An invitation to join an organisation, sent to an e-mail address, which becomes a membership only
 * when the person with that address accepts it. Its token is e-mailed (and returned to the inviter
 * once); the database keeps a hash.
 *
 * @param id the invitation's id (for revoking it; not a secret)
 * @param organisationId the organisation
 * @param organisationName its name, shown on the invitation page
 * @param email who is invited
 * @param role the role they will get
 * @param invitedBy who invited them: the inviting member's e-mail address
 * @param createdAt when
 * @param expiresAt when the link stops working
 */
public record Invitation(
        UUID id,
        UUID organisationId,
        String organisationName,
        String email,
        Role role,
        String invitedBy,
        Instant createdAt,
        Instant expiresAt) {

    public Invitation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(organisationName, "organisationName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(invitedBy, "invitedBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The path of the page where the invitation with that token is accepted or declined. */
    public static String path(String token) {
        return "/invitations/" + token;
    }
}
