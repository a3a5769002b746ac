package org.credence.server.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UploadedFile;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.RowProblem;
import org.credence.app.achievement.AchievementVersion;
import org.credence.app.issuer.DidMethod;
import org.credence.app.issuer.IssuerProfile;
import org.credence.app.organization.Actor;
import org.credence.app.skill.FrameworkImport;
import org.credence.app.skill.ImportReport;
import org.credence.core.json.Jsons;
import org.credence.server.CredenceServer;
import org.credence.server.Services;
import org.credence.server.web.Forms;
import org.credence.server.web.Routes;
import org.credence.server.web.SkillImports;

/**
 * {@code /api/v1}: creating and changing issuers (and rotating their keys), importing skill
 * frameworks, and designing achievements (each {@code PUT} saves a new version). Refusals are
 * problem+json naming the field; a refused CSV lists every refused line.
 */
public final class DesignApi {

    private final Services services;
    private final String baseUrl;

    public DesignApi(Services services) {
        this.services = Objects.requireNonNull(services, "services");
        this.baseUrl = services.host().base();
    }

    public void register(Routes routes) {
        routes.api(
                HandlerType.POST,
                "/api/v1/issuers",
                (ctx, actor) -> {
                    JsonObject body = JsonBodies.object(ctx);
                    IssuerProfile created =
                            services.issuers()
                                    .create(
                                            actor,
                                            DesignJson.issuerDraft(body),
                                            DidMethod.parse(
                                                    JsonFields.text(body, "didMethod").orElse("")));
                    created(
                            ctx,
                            "/api/v1/issuers/" + created.id(),
                            DesignJson.issuer(created, baseUrl));
                });
        routes.api(
                HandlerType.PATCH,
                "/api/v1/issuers/{issuerId}",
                (ctx, actor) -> {
                    UUID id = Forms.id(ctx, "issuerId", "Issuer");
                    JsonObject body = JsonBodies.object(ctx);
                    IssuerProfile current = services.issuers().get(actor, id);
                    IssuerProfile updated =
                            services.issuers()
                                    .update(actor, id, DesignJson.patched(current.details(), body));
                    JsonBodies.send(ctx, 200, DesignJson.issuer(updated, baseUrl));
                });
        routes.api(
                HandlerType.POST,
                "/api/v1/issuers/{issuerId}/rotate-key",
                (ctx, actor) ->
                        JsonBodies.send(
                                ctx,
                                201,
                                DesignJson.key(
                                        services.issuers()
                                                .rotateKey(
                                                        actor,
                                                        Forms.id(ctx, "issuerId", "Issuer")))));
        routes.api(
                HandlerType.GET,
                "/api/v1/skill-frameworks",
                (ctx, actor) -> {
                    JsonArrayBuilder list = Jsons.PROVIDER.createArrayBuilder();
                    services.skills()
                            .frameworks(actor)
                            .forEach(framework -> list.add(DesignJson.framework(framework, -1)));
                    JsonBodies.send(ctx, 200, list.build());
                });
        routes.api(
                HandlerType.POST,
                "/api/v1/skill-frameworks",
                CredenceServer.MAX_UPLOAD_BYTES,
                this::importFramework);
        routes.api(
                HandlerType.POST,
                "/api/v1/achievements",
                (ctx, actor) -> {
                    AchievementVersion created =
                            services.achievements()
                                    .create(
                                            actor,
                                            DesignJson.achievementDraft(JsonBodies.object(ctx)));
                    created(
                            ctx,
                            "/api/v1/achievements/" + created.achievementId(),
                            DesignJson.achievement(created, services.achievements()));
                });
        routes.api(HandlerType.PUT, "/api/v1/achievements/{achievementId}", this::newVersion);
        routes.api(
                HandlerType.GET,
                "/api/v1/achievements/{achievementId}/versions",
                (ctx, actor) ->
                        JsonBodies.send(
                                ctx,
                                200,
                                DesignJson.achievements(
                                                services.achievements()
                                                        .versions(actor, achievementId(ctx)),
                                                services.achievements())
                                        .build()));
    }

    /**
     * Saves the body as the next version. {@code baseVersion} (optional) is the version the edit
     * started from; when given and no longer current, the answer is 409.
     */
    private void newVersion(Context ctx, Actor actor) {
        UUID id = achievementId(ctx);
        JsonObject body = JsonBodies.object(ctx);
        int base =
                JsonFields.integer(body, "baseVersion")
                        .orElseGet(() -> services.achievements().get(actor, id).version());
        AchievementVersion saved =
                services.achievements().edit(actor, id, base, DesignJson.achievementDraft(body));
        JsonBodies.send(ctx, 200, DesignJson.achievement(saved, services.achievements()));
    }

    /**
     * A CSV body ({@code text/csv}, the request in query parameters) or a multipart form (the file
     * in {@code file}, the request in form fields); see {@link SkillImports} for the fields.
     */
    private void importFramework(Context ctx, Actor actor) throws IOException {
        boolean multipart = ctx.isMultipartFormData();
        FrameworkImport request =
                SkillImports.request(
                        name -> {
                            String value = multipart ? ctx.formParam(name) : ctx.queryParam(name);
                            return value == null ? "" : value;
                        });
        ImportReport report;
        try (Reader reader = new InputStreamReader(csv(ctx, multipart), StandardCharsets.UTF_8)) {
            report = services.skills().importFramework(actor, request, reader);
        }
        if (report.isImported()) {
            created(
                    ctx,
                    "/api/v1/skill-frameworks/" + report.framework().get().id(),
                    DesignJson.framework(report.framework().get(), report.skillCount()));
            return;
        }
        JsonArrayBuilder errors = Jsons.PROVIDER.createArrayBuilder();
        for (RowProblem problem : report.problems()) {
            errors.add(
                    Jsons.PROVIDER
                            .createObjectBuilder()
                            .add("line", problem.line())
                            .add("detail", problem.message()));
        }
        ctx.status(400)
                .contentType("application/problem+json")
                .result(
                        Jsons.PROVIDER
                                .createObjectBuilder()
                                .add("type", "about:blank")
                                .add("title", "Invalid input")
                                .add("status", 400)
                                .add(
                                        "detail",
                                        "The file was not imported ("
                                                + report.problems().size()
                                                + " refused lines); nothing was stored")
                                .add("errors", errors)
                                .build()
                                .toString());
    }

    private static InputStream csv(Context ctx, boolean multipart) {
        if (!multipart) {
            return ctx.bodyInputStream();
        }
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null) {
            throw AppException.invalid("file: send the CSV in the multipart part named file");
        }
        return file.content();
    }

    private static void created(Context ctx, String location, JsonObject json) {
        ctx.header("Location", location);
        JsonBodies.send(ctx, 201, json);
    }

    private static UUID achievementId(Context ctx) {
        return Forms.id(ctx, "achievementId", "Achievement");
    }
}
