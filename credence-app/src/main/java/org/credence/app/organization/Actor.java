package org.credence.app.organization;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.Problem;

/**
 * Who is acting, for which organisation, with which role: a signed-in member or an API token. Every
 * service method that reads or changes an organisation's data takes one, and the stores filter
 * every query by {@link #organisationId()}, so one organisation never sees another's data.
 *
 * @param organisationId the organisation acted for
 * @param name shown in the audit log: the member's email or the API token's name
 * @param role what the actor may do
 * @param userId the person acting: the signed-in member, or the member who created the acting API
 *     token; empty for the installation's own work (jobs)
 */
public record Actor(UUID organisationId, String name, Role role, Optional<UUID> userId) {

    public Actor {
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(userId, "userId");
    }

    /** An actor that is no person (the installation's own work). */
    public Actor(UUID organisationId, String name, Role role) {
        this(organisationId, name, role, Optional.empty());
    }

    /**
     * The person acting.
     *
     * @throws AppException {@link Problem#FORBIDDEN} for the installation's own work
     */
    public UUID person() {
        return userId.orElseThrow(
                () ->
                        new AppException(
                                Problem.FORBIDDEN,
                                "Only a member of the organisation may do this"));
    }

    /** Throws {@link Problem#FORBIDDEN} unless the actor's role allows {@code required}. */
    public void require(Role required) {
        if (!role.allows(required)) {
            throw new AppException(
                    Problem.FORBIDDEN,
                    "This needs the " + required.value() + " role; you are " + role.value());
        }
    }
}
