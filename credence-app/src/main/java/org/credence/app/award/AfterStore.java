package org.credence.app.award;

import org.jdbi.v3.core.Handle;

/**
 * Work that must commit exactly when a new credential does, such as queueing its e-mail: {@link
 * AwardService#issue(org.credence.app.organization.Actor, IssueRequest, AfterStore)} calls it with
 * the issuing transaction's handle after the credential row is written. A failure rolls the
 * credential back. Not called when an idempotency key replays an earlier credential (its work was
 * done then).
 */
@FunctionalInterface
public interface AfterStore {

    /** Nothing to do. */
    AfterStore NONE = (handle, award) -> {};

    void stored(Handle handle, StoredAward award);
}
