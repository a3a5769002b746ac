package org.credence.app.organization;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An API token of an organisation (without its secret, which is shown once on creation).
 *
 * @param id the token's id
 * @param name what it is for, shown in the audit log
 * @param role what it may do
 * @param createdAt when it was created
 * @param revokedAt when it was revoked, if it was
 */
public record ApiToken(
        UUID id, String name, Role role, Instant createdAt, Optional<Instant> revokedAt) {

    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    public boolean isRevoked() {
        return revokedAt.isPresent();
    }
}
