package org.credence.app.organization;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of adding a member by e-mail: a known person becomes a member at once; an unknown
 * address gets an invitation whose token (for the link that lets them set a password) is returned
 * once.
 *
 * @param member the new member, when the address had an account
 * @param invitationToken the invitation's secret token, when it had none
 */
public record MemberAdded(Optional<Member> member, Optional<String> invitationToken) {

    public MemberAdded {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(invitationToken, "invitationToken");
        if (member.isPresent() == invitationToken.isPresent()) {
            throw new IllegalArgumentException("either a member or an invitation");
        }
    }

    @Override
    public String toString() {
        return "MemberAdded[" + member.map(Member::email).orElse("invitation") + "]";
    }
}
