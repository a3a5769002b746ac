package org.credence.app.organization;

import java.util.Objects;

/**
 * A new invitation and the secret token of its link. The link is e-mailed to the invited address;
 * the token is returned to the inviter only so that the server can show the link when no mail
 * server is configured.
 *
 * @param invitation the invitation
 * @param token the link's secret token (only its hash is stored)
 */
public record InvitationSent(Invitation invitation, String token) {

    public InvitationSent {
        Objects.requireNonNull(invitation, "invitation");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        return "InvitationSent[" + invitation + "]";
    }
}
