package org.credence.server.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.audit.AuditEvent;
import org.credence.app.organization.AuditLog;

/** {@code /app/audit} (owners only): the log, newest first, paged; and its CSV export. */
public final class AuditPages {

    static final int PAGE_SIZE = 50;

    private final AuditLog auditLog;
    private final Views views;

    public AuditPages(AuditLog auditLog, Views views) {
        this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
        this.views = Objects.requireNonNull(views, "views");
    }

    public void register(Routes routes) {
        routes.page(
                HandlerType.GET,
                "/app/audit",
                (ctx, session) -> {
                    List<AuditEvent> events =
                            auditLog.page(session.actor(), before(ctx), PAGE_SIZE);
                    String olderThan =
                            events.size() == PAGE_SIZE
                                    ? events.get(events.size() - 1).id().toString()
                                    : null;
                    views.render(
                            ctx,
                            "audit.jte",
                            Page.of("Audit log", session),
                            "events",
                            events,
                            "olderThan",
                            olderThan);
                });
        routes.page(
                HandlerType.GET,
                "/app/audit.csv",
                (ctx, session) -> {
                    StringBuilder csv =
                            new StringBuilder("id,occurred_at,actor,action,subject,detail\r\n");
                    Optional<UUID> before = Optional.empty();
                    List<AuditEvent> events;
                    do {
                        events = auditLog.page(session.actor(), before, AuditLog.MAX_PAGE);
                        for (AuditEvent event : events) {
                            csv.append(AuditCsv.row(event));
                            before = Optional.of(event.id());
                        }
                    } while (events.size() == AuditLog.MAX_PAGE);
                    ctx.contentType("text/csv; charset=utf-8")
                            .header("Content-Disposition", "attachment; filename=\"audit.csv\"")
                            .result(csv.toString());
                });
    }

    /** The {@code before} query parameter: an audit event's id, or empty for the newest. */
    public static Optional<UUID> before(Context ctx) {
        String value = ctx.queryParam("before");
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            throw AppException.invalid("before: not an audit event id");
        }
    }
}
