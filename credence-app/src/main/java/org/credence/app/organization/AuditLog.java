package org.credence.app.organization;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.audit.AuditEvent;
import org.credence.app.audit.AuditStore;
import org.credence.app.db.Database;
import org.jdbi.v3.core.Jdbi;

/**
 * Reading an organisation's audit log, newest first, a page at a time. Owners only: the log names
 * every member and token. Thread-safe.
 */
public final class AuditLog {

    /** The largest page. */
    public static final int MAX_PAGE = 500;

    private final Jdbi jdbi;
    private final AuditStore store = new AuditStore();

    public AuditLog(Database database) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
    }

    /** The newest {@code limit} events. */
    public List<AuditEvent> newest(Actor actor, int limit) {
        return page(actor, Optional.empty(), limit);
    }

    /**
     * Up to {@code limit} events older than the event {@code before} (empty: the newest).
     *
     * @throws AppException for a limit outside 1–{@value #MAX_PAGE}, or a {@code before} that is
     *     not an event of the actor's organisation
     */
    public List<AuditEvent> page(Actor actor, Optional<UUID> before, int limit) {
        actor.require(Role.OWNER);
        if (limit < 1 || limit > MAX_PAGE) {
            throw AppException.invalid("limit: between 1 and " + MAX_PAGE);
        }
        return jdbi.withHandle(
                handle -> {
                    long position = 0;
                    if (before.isPresent()) {
                        position =
                                store.position(handle, actor.organisationId(), before.get())
                                        .orElseThrow(
                                                () ->
                                                        AppException.invalid(
                                                                "before: not an event of this"
                                                                        + " audit log"));
                    }
                    return store.list(handle, actor.organisationId(), position, limit);
                });
    }
}
