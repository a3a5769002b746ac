package org.credence.server.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.RowProblem;
import org.credence.app.bulk.BulkIssue;
import org.credence.app.bulk.BulkIssueService;
import org.credence.app.bulk.BulkUpload;
import org.credence.app.credential.SecuringFormat;
import org.credence.app.organization.Actor;
import org.credence.core.json.Jsons;
import org.credence.server.Services;
import org.credence.server.web.BulkPages;
import org.credence.server.web.Forms;
import org.credence.server.web.Routes;

/**
 * {@code /api/v1/bulk-issues}: upload a CSV ({@code text/csv} body; issuer, achievement, format and
 * e-mail choice as query parameters) for a dry run, read its report, confirm (optionally {@code
 * {"includeExpired": true}} to issue rows that would be expired when issued), follow progress.
 */
public final class BulkApi {

    private final Services services;

    public BulkApi(Services services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    public void register(Routes routes) {
        routes.api(
                HandlerType.POST,
                "/api/v1/bulk-issues",
                BulkPages.MAX_CSV_BYTES,
                (ctx, actor) -> {
                    String type = ctx.contentType() == null ? "" : ctx.contentType();
                    if (!type.startsWith("text/csv")) {
                        throw AppException.invalid(
                                "Content-Type: send the CSV as text/csv (UTF-8)");
                    }
                    BulkUpload upload =
                            new BulkUpload(
                                    uuid(ctx.queryParam("issuerId"), "issuerId"),
                                    uuid(ctx.queryParam("achievementId"), "achievementId"),
                                    ctx.queryParam("fileName"),
                                    "vc-jwt".equals(ctx.queryParam("format"))
                                            ? SecuringFormat.VC_JWT
                                            : SecuringFormat.DATA_INTEGRITY,
                                    !"false".equals(ctx.queryParam("sendEmail")));
                    try (Reader csv =
                            new InputStreamReader(ctx.bodyInputStream(), StandardCharsets.UTF_8)) {
                        BulkIssue issue = services.bulk().upload(actor, upload, csv);
                        ctx.header("Location", "/api/v1/bulk-issues/" + issue.id());
                        JsonBodies.send(ctx, 201, report(actor, issue));
                    }
                });
        routes.api(
                HandlerType.GET,
                "/api/v1/bulk-issues",
                (ctx, actor) -> {
                    JsonArrayBuilder list = Jsons.PROVIDER.createArrayBuilder();
                    services.bulk().list(actor, 100).forEach(issue -> list.add(json(issue)));
                    JsonBodies.send(ctx, 200, list.build());
                });
        routes.api(
                HandlerType.GET,
                "/api/v1/bulk-issues/{bulkId}",
                (ctx, actor) -> {
                    UUID id = Forms.id(ctx, "bulkId", "Bulk issue");
                    JsonBodies.send(ctx, 200, report(actor, services.bulk().get(actor, id)));
                });
        routes.api(
                HandlerType.GET,
                "/api/v1/bulk-issues/{bulkId}/failed",
                (ctx, actor) ->
                        JsonBodies.send(
                                ctx,
                                200,
                                problems(
                                        services.bulk()
                                                .rowsIn(
                                                        actor,
                                                        Forms.id(ctx, "bulkId", "Bulk issue"),
                                                        BulkIssueService.RowState.FAILED,
                                                        10_000))));
        routes.api(
                HandlerType.POST,
                "/api/v1/bulk-issues/{bulkId}/confirm",
                (ctx, actor) ->
                        JsonBodies.send(
                                ctx,
                                202,
                                json(services.bulk()
                                                .confirm(
                                                        actor,
                                                        Forms.id(ctx, "bulkId", "Bulk issue"),
                                                        includeExpired(ctx)))
                                        .build()));
        routes.api(
                HandlerType.POST,
                "/api/v1/bulk-issues/{bulkId}/cancel",
                (ctx, actor) ->
                        JsonBodies.send(
                                ctx,
                                200,
                                json(services.bulk()
                                                .cancel(
                                                        actor,
                                                        Forms.id(ctx, "bulkId", "Bulk issue")))
                                        .build()));
    }

    /** The dry run's report: the counts, the refused rows and the rows found expired. */
    private JsonObject report(Actor actor, BulkIssue issue) {
        return json(issue)
                .add("problems", problems(services.bulk().problems(actor, issue.id())))
                .add(
                        "expiredRows",
                        problems(
                                services.bulk()
                                        .rowsIn(
                                                actor,
                                                issue.id(),
                                                BulkIssueService.RowState.EXPIRED,
                                                BulkIssueService.MAX_PROBLEMS)))
                .build();
    }

    /**
     * The confirmation's optional {@code {"includeExpired": true}}: issue rows whose credential
     * would be expired when issued, too (by default they are excluded).
     */
    private static boolean includeExpired(Context ctx) {
        if (ctx.body().isBlank()) {
            return false;
        }
        JsonValue value = JsonBodies.object(ctx).get("includeExpired");
        if (value == null || value == JsonValue.FALSE) {
            return false;
        }
        if (value != JsonValue.TRUE) {
            throw AppException.invalid(
                    "includeExpired: must be true (also issue rows that would be expired when"
                            + " issued) or false (exclude them; the default)");
        }
        return true;
    }

    private static jakarta.json.JsonArray problems(List<RowProblem> problems) {
        JsonArrayBuilder list = Jsons.PROVIDER.createArrayBuilder();
        problems.forEach(
                problem ->
                        list.add(
                                Jsons.PROVIDER
                                        .createObjectBuilder()
                                        .add("line", problem.line())
                                        .add("message", problem.message())));
        return list.build();
    }

    private static JsonObjectBuilder json(BulkIssue issue) {
        JsonObjectBuilder json =
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("id", issue.id().toString())
                        .add("state", issue.state().value())
                        .add("fileName", issue.fileName())
                        .add("issuerId", issue.issuerId().toString())
                        .add("achievementId", issue.achievementId().toString())
                        .add("format", issue.format())
                        .add("sendEmail", issue.sendEmail())
                        .add("rows", issue.rowCount())
                        .add("refused", issue.problemCount())
                        .add("skipped", issue.skippedCount())
                        .add("toIssue", issue.issuableCount())
                        .add("issued", issue.issuedCount())
                        .add("failed", issue.failedCount())
                        .add("expired", issue.expiredCount())
                        .add("includeExpired", issue.includeExpired())
                        .add("excludedExpired", issue.excludedCount())
                        .add("percentDone", issue.percentDone())
                        .add("createdAt", issue.createdAt().toString());
        issue.confirmedAt().ifPresent(at -> json.add("confirmedAt", at.toString()));
        issue.finishedAt().ifPresent(at -> json.add("finishedAt", at.toString()));
        return json;
    }

    private static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw AppException.invalid(field + ": a UUID is required");
        }
    }
}
