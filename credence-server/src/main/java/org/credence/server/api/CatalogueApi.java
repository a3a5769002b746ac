package org.credence.server.api;

import io.javalin.http.HandlerType;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Objects;
import org.credence.app.achievement.AchievementVersion;
import org.credence.app.issuer.IssuerProfile;
import org.credence.app.skill.Skill;
import org.credence.app.skill.SkillService;
import org.credence.core.json.Jsons;
import org.credence.server.Services;
import org.credence.server.web.Forms;
import org.credence.server.web.Routes;

/** {@code /api/v1}: reading issuers, achievements and skills. */
public final class CatalogueApi {

    private final Services services;

    public CatalogueApi(Services services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    public void register(Routes routes) {
        routes.api(
                HandlerType.GET,
                "/api/v1/issuers",
                (ctx, actor) -> {
                    JsonArrayBuilder list = Jsons.PROVIDER.createArrayBuilder();
                    services.issuers().list(actor).forEach(issuer -> list.add(issuer(issuer)));
                    JsonBodies.send(ctx, 200, list.build());
                });
        routes.api(
                HandlerType.GET,
                "/api/v1/issuers/{issuerId}",
                (ctx, actor) ->
                        JsonBodies.send(
                                ctx,
                                200,
                                issuer(
                                        services.issuers()
                                                .get(actor, Forms.id(ctx, "issuerId", "Issuer")))));
        routes.api(
                HandlerType.GET,
                "/api/v1/achievements",
                (ctx, actor) -> {
                    JsonArrayBuilder list = Jsons.PROVIDER.createArrayBuilder();
                    services.achievements()
                            .list(actor)
                            .forEach(
                                    summary ->
                                            list.add(
                                                    Jsons.PROVIDER
                                                            .createObjectBuilder()
                                                            .add("id", summary.id().toString())
                                                            .add("name", summary.name())
                                                            .add(
                                                                    "version",
                                                                    summary.currentVersion())
                                                            .add(
                                                                    "updatedAt",
                                                                    summary.updatedAt()
                                                                            .toString())));
                    JsonBodies.send(ctx, 200, list.build());
                });
        routes.api(
                HandlerType.GET,
                "/api/v1/achievements/{achievementId}",
                (ctx, actor) ->
                        JsonBodies.send(
                                ctx,
                                200,
                                achievement(
                                        services.achievements()
                                                .get(
                                                        actor,
                                                        Forms.id(
                                                                ctx,
                                                                "achievementId",
                                                                "Achievement")))));
        routes.api(
                HandlerType.GET,
                "/api/v1/skills",
                (ctx, actor) -> {
                    String text = ctx.queryParam("q");
                    JsonArrayBuilder list = Jsons.PROVIDER.createArrayBuilder();
                    services.skills()
                            .search(
                                    actor,
                                    text == null ? "" : text,
                                    Queries.limit(ctx, SkillService.MAX_RESULTS))
                            .forEach(skill -> list.add(skill(skill)));
                    JsonBodies.send(ctx, 200, list.build());
                });
        routes.api(
                HandlerType.GET,
                "/api/v1/skills/{skillId}",
                (ctx, actor) ->
                        JsonBodies.send(
                                ctx,
                                200,
                                skill(
                                        services.skills()
                                                .get(actor, Forms.id(ctx, "skillId", "Skill")))));
    }

    private JsonObject issuer(IssuerProfile issuer) {
        return DesignJson.issuer(issuer, services.host().base());
    }

    private JsonObject achievement(AchievementVersion version) {
        return DesignJson.achievement(version, services.achievements());
    }

    private static JsonObject skill(Skill skill) {
        JsonObjectBuilder json =
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("id", skill.id().toString())
                        .add("framework", skill.frameworkName())
                        .add("code", skill.code())
                        .add("name", skill.name());
        skill.description().ifPresent(value -> json.add("description", value));
        skill.url().ifPresent(value -> json.add("url", value));
        return json.build();
    }
}
