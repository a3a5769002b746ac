package org.credence.app.organization;

import org.jdbi.v3.core.Handle;

/**
 * Queues the e-mail that carries an invitation's link, in the inviting transaction (so the e-mail
 * exists exactly when the invitation does). The delivery feature implements it with its outbox.
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface InvitationMail {

    /**
     * Queues the invitation's e-mail to {@link Invitation#email()}.
     *
     * @param token the link's secret token ({@link Invitation#path(String)})
     */
    void queue(Handle handle, Invitation invitation, String token);
}
