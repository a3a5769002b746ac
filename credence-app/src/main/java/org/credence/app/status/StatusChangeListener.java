package org.credence.app.status;

import org.jdbi.v3.core.Handle;

/**
 * Work that must commit exactly when a status change does (the recipient's e-mail): called inside
 * the change's transaction, after the change and its audit event, and only when something changed.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface StatusChangeListener {

    /** Nothing to do. */
    StatusChangeListener NONE = (handle, change) -> {};

    void changed(Handle handle, StatusChange change);
}
