package org.credence.server.web;

import io.javalin.http.HandlerType;
import io.javalin.http.UploadedFile;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.bulk.BulkIssue;
import org.credence.app.bulk.BulkIssueService;
import org.credence.app.bulk.BulkUpload;
import org.credence.app.credential.SecuringFormat;
import org.credence.app.organization.Actor;
import org.credence.app.organization.Session;
import org.credence.core.json.Jsons;
import org.credence.server.Services;

/**
 * {@code /app/bulk}: upload a CSV of recipients, read the dry run's report, confirm, and watch the
 * job's progress (a progress bar refreshed by a few lines of script, or by reloading the page).
 */
public final class BulkPages {

    /** Largest CSV accepted (about 100,000 rows with narratives). */
    public static final long MAX_CSV_BYTES = 20L * 1024 * 1024;

    private final Services services;
    private final Views views;
    private final byte[] script;

    public BulkPages(Services services, Views views) {
        this.services = Objects.requireNonNull(services, "services");
        this.views = Objects.requireNonNull(views, "views");
        this.script = PublicDocuments.resource("/static/bulk.js");
    }

    public void register(Routes routes) {
        routes.publicGet(
                "/static/bulk.js",
                ctx ->
                        ctx.contentType("text/javascript; charset=utf-8")
                                .header("Cache-Control", "public, max-age=3600")
                                .result(script));
        routes.page(HandlerType.GET, "/app/bulk", (ctx, session) -> list(ctx, session, null));
        routes.page(
                HandlerType.POST,
                "/app/bulk",
                MAX_CSV_BYTES,
                (ctx, session) -> {
                    UploadedFile file = ctx.uploadedFile("file");
                    if (file == null || file.size() == 0) {
                        list(ctx, session, "Choose a CSV file to upload.");
                        return;
                    }
                    BulkUpload upload = upload(ctx, file.filename());
                    try (Reader csv =
                            new InputStreamReader(file.content(), StandardCharsets.UTF_8)) {
                        BulkIssue issue = services.bulk().upload(session.actor(), upload, csv);
                        ctx.redirect("/app/bulk/" + issue.id());
                    }
                });
        routes.page(
                HandlerType.GET,
                "/app/bulk/{bulkId}",
                (ctx, session) -> {
                    Actor actor = session.actor();
                    UUID id = Forms.id(ctx, "bulkId", "Bulk issue");
                    BulkIssue issue = services.bulk().get(actor, id);
                    views.render(
                            ctx,
                            "bulk-issue.jte",
                            Page.of("Bulk issue: " + issue.fileName(), session),
                            "issue",
                            issue,
                            "problems",
                            services.bulk().problems(actor, id),
                            "failed",
                            services.bulk()
                                    .rowsIn(actor, id, BulkIssueService.RowState.FAILED, 1000),
                            "skipped",
                            services.bulk()
                                    .rowsIn(actor, id, BulkIssueService.RowState.SKIPPED, 1000),
                            "expired",
                            services.bulk()
                                    .rowsIn(actor, id, BulkIssueService.RowState.EXPIRED, 1000),
                            "achievement",
                            services.achievements()
                                    .get(actor, issue.achievementId())
                                    .design()
                                    .name());
                });
        routes.page(
                HandlerType.GET,
                "/app/bulk/{bulkId}/progress.json",
                (ctx, session) -> {
                    BulkIssue issue =
                            services.bulk()
                                    .get(session.actor(), Forms.id(ctx, "bulkId", "Bulk issue"));
                    ctx.contentType("application/json")
                            .header("Cache-Control", "no-store")
                            .result(
                                    Jsons.PROVIDER
                                            .createObjectBuilder()
                                            .add("state", issue.state().value())
                                            .add("issued", issue.issuedCount())
                                            .add("failed", issue.failedCount())
                                            .add("toIssue", issue.issuableCount())
                                            .add("percent", issue.percentDone())
                                            .build()
                                            .toString());
                });
        routes.page(
                HandlerType.POST,
                "/app/bulk/{bulkId}/confirm",
                (ctx, session) -> {
                    UUID id = Forms.id(ctx, "bulkId", "Bulk issue");
                    services.bulk()
                            .confirm(
                                    session.actor(),
                                    id,
                                    "yes".equals(ctx.formParam("includeExpired")));
                    ctx.redirect("/app/bulk/" + id);
                });
        routes.page(
                HandlerType.POST,
                "/app/bulk/{bulkId}/cancel",
                (ctx, session) -> {
                    UUID id = Forms.id(ctx, "bulkId", "Bulk issue");
                    services.bulk().cancel(session.actor(), id);
                    ctx.redirect("/app/bulk");
                });
    }

    private void list(io.javalin.http.Context ctx, Session session, String error) {
        Actor actor = session.actor();
        views.render(
                ctx,
                "bulk-list.jte",
                Page.of("Bulk issue", session),
                "issues",
                services.bulk().list(actor, 50),
                "issuers",
                services.issuers().list(actor),
                "achievements",
                services.achievements().list(actor),
                "error",
                error);
    }

    private static BulkUpload upload(io.javalin.http.Context ctx, String fileName) {
        return new BulkUpload(
                uuid(Forms.field(ctx, "issuerId"), "issuerId"),
                uuid(Forms.field(ctx, "achievementId"), "achievementId"),
                fileName,
                "vc-jwt".equals(Forms.field(ctx, "format"))
                        ? SecuringFormat.VC_JWT
                        : SecuringFormat.DATA_INTEGRITY,
                "on".equals(Forms.field(ctx, "sendEmail")));
    }

    static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw AppException.invalid(field + ": choose one");
        }
    }
}
