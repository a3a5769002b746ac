package org.credence.server.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Objects;
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
                    Long olderThan =
                            events.size() == PAGE_SIZE ? events.get(events.size() - 1).id() : null;
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
                    long before = 0;
                    List<AuditEvent> events;
                    do {
                        events = auditLog.page(session.actor(), before, AuditLog.MAX_PAGE);
                        for (AuditEvent event : events) {
                            csv.append(AuditCsv.row(event));
                            before = event.id();
                        }
                    } while (events.size() == AuditLog.MAX_PAGE);
                    ctx.contentType("text/csv; charset=utf-8")
                            .header("Content-Disposition", "attachment; filename=\"audit.csv\"")
                            .result(csv.toString());
                });
    }

    static long before(Context ctx) {
        String value = ctx.queryParam("before");
        if (value == null || value.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw AppException.invalid("before: not a number");
        }
    }
}
