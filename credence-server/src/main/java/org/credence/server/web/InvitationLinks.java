package org.credence.server.web;

import java.util.Objects;
import java.util.Optional;
import org.credence.app.organization.Invitation;
import org.credence.app.organization.InvitationSent;

/**
 * Whether the inviter is shown a new invitation's link. Invitations are e-mailed to the invited
 * address; only when the installation has no mail server (the e-mail then waits in the outbox) is
 * the link also shown to the inviter, to pass on themselves. The same for every address, so the
 * answer never tells whether the address has an account.
 *
 * @param baseUrl the installation's public URL
 * @param showToInviter whether to show links (no mail server configured)
 */
public record InvitationLinks(String baseUrl, boolean showToInviter) {

    public InvitationLinks {
        Objects.requireNonNull(baseUrl, "baseUrl");
    }

    /** The link to show the inviter, if any. */
    public Optional<String> forInviter(InvitationSent sent) {
        return showToInviter
                ? Optional.of(baseUrl + Invitation.path(sent.token()))
                : Optional.empty();
    }
}
