package org.credence.app.organization;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An API token of an organisation (without its secret, which is shown once on creation). A token
 * belongs to the membership of the member who created it: it acts with at most that member's
 * current role, and stops working when they leave the organisation.
 *
 * @param id the token's id
 * @param name what it is for, shown in the audit log
 * @param role the role it was given
 * @param createdAt when it was created
 * @param revokedAt when it was revoked, if it was
 * @param creator who created it (empty for tokens from before creators were recorded, which the
 *     upgrade revoked)
 * @param revokedReason why it was revoked, when that was not an owner's choice
 */
public record ApiToken(
        UUID id,
        String name,
        Role role,
        Instant createdAt,
        Optional<Instant> revokedAt,
        Optional<Creator> creator,
        Optional<String> revokedReason) {

    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(revokedReason, "revokedReason");
    }

    public boolean isRevoked() {
        return revokedAt.isPresent();
    }

    /**
     * What the token may do now: its role, capped by its creator's current role; empty when it is
     * revoked or its creator is no longer a member.
     */
    public Optional<Role> effectiveRole() {
        if (isRevoked()) {
            return Optional.empty();
        }
        return creator.flatMap(Creator::role).map(role::atMost);
    }

    /**
     * The member who created a token.
     *
     * @param userId the person
     * @param email their e-mail address
     * @param role their current role in the token's organisation; empty when they are no longer a
     *     member
     */
    public record Creator(UUID userId, String email, Optional<Role> role) {

        public Creator {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(role, "role");
        }
    }
}
