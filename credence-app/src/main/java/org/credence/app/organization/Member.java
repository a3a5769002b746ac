package org.credence.app.organization;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A person's membership of an organisation.
 *
 * @param userId the person
 * @param email their e-mail address
 * @param displayName their name
 * @param role their role
 * @param joinedAt when they joined
 */
public record Member(UUID userId, String email, String displayName, Role role, Instant joinedAt) {

    public Member {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(joinedAt, "joinedAt");
    }
}
