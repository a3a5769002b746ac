package org.credence.app.organization;

import java.util.Objects;
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
 */
public record Actor(UUID organisationId, String name, Role role) {

    public Actor {
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
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
