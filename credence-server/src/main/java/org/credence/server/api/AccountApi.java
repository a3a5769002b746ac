package org.credence.server.api;

import io.javalin.http.HandlerType;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Objects;
import org.credence.app.audit.AuditEvent;
import org.credence.app.organization.ApiToken;
import org.credence.app.organization.CreatedApiToken;
import org.credence.app.organization.Invitation;
import org.credence.app.organization.InvitationSent;
import org.credence.app.organization.Member;
import org.credence.core.json.Jsons;
import org.credence.server.Services;
import org.credence.server.web.AuditPages;
import org.credence.server.web.Forms;
import org.credence.server.web.InvitationLinks;
import org.credence.server.web.Routes;

/** {@code /api/v1}: who am I, members and invitations, API tokens and the audit log. */
public final class AccountApi {

    private final Services services;
    private final InvitationLinks links;

    public AccountApi(Services services, InvitationLinks links) {
        this.services = Objects.requireNonNull(services, "services");
        this.links = Objects.requireNonNull(links, "links");
    }

    public void register(Routes routes) {
        routes.api(
                HandlerType.GET,
                "/api/v1/me",
                (ctx, actor) ->
                        JsonBodies.send(
                                ctx,
                                200,
                                Jsons.PROVIDER
                                        .createObjectBuilder()
                                        .add("organisationId", actor.organisationId().toString())
                                        .add("name", actor.name())
                                        .add("role", actor.role().value())
                                        .build()));
        routes.api(
                HandlerType.GET,
                "/api/v1/members",
                (ctx, actor) -> {
                    JsonArrayBuilder list = Jsons.PROVIDER.createArrayBuilder();
                    services.members().list(actor).forEach(member -> list.add(member(member)));
                    JsonBodies.send(ctx, 200, list.build());
                });
        routes.api(
                HandlerType.POST,
                "/api/v1/members",
                (ctx, actor) -> {
                    JsonObject body = JsonBodies.object(ctx);
                    InvitationSent sent =
                            services.members()
                                    .invite(
                                            actor,
                                            JsonBodies.string(body, "email"),
                                            Forms.role("role", JsonBodies.string(body, "role")));
                    JsonObjectBuilder json =
                            Jsons.PROVIDER
                                    .createObjectBuilder()
                                    .add("invitation", invitation(sent.invitation()));
                    links.forInviter(sent).ifPresent(link -> json.add("invitationUrl", link));
                    JsonBodies.send(ctx, 202, json.build());
                });
        routes.api(
                HandlerType.GET,
                "/api/v1/invitations",
                (ctx, actor) -> {
                    JsonArrayBuilder list = Jsons.PROVIDER.createArrayBuilder();
                    services.members()
                            .invitations(actor)
                            .forEach(invitation -> list.add(invitation(invitation)));
                    JsonBodies.send(ctx, 200, list.build());
                });
        routes.api(
                HandlerType.DELETE,
                "/api/v1/invitations/{invitationId}",
                (ctx, actor) -> {
                    services.members().revoke(actor, Forms.id(ctx, "invitationId", "Invitation"));
                    ctx.status(204);
                });
        routes.api(
                HandlerType.PUT,
                "/api/v1/members/{userId}/role",
                (ctx, actor) -> {
                    JsonObject body = JsonBodies.object(ctx);
                    Member member =
                            services.members()
                                    .changeRole(
                                            actor,
                                            Forms.id(ctx, "userId", "Member"),
                                            Forms.role("role", JsonBodies.string(body, "role")));
                    JsonBodies.send(ctx, 200, member(member));
                });
        routes.api(
                HandlerType.DELETE,
                "/api/v1/members/{userId}",
                (ctx, actor) -> {
                    services.members().remove(actor, Forms.id(ctx, "userId", "Member"));
                    ctx.status(204);
                });
        routes.api(
                HandlerType.GET,
                "/api/v1/tokens",
                (ctx, actor) -> {
                    JsonArrayBuilder list = Jsons.PROVIDER.createArrayBuilder();
                    services.apiTokens().list(actor).forEach(token -> list.add(token(token)));
                    JsonBodies.send(ctx, 200, list.build());
                });
        routes.api(
                HandlerType.POST,
                "/api/v1/tokens",
                (ctx, actor) -> {
                    JsonObject body = JsonBodies.object(ctx);
                    CreatedApiToken created =
                            services.apiTokens()
                                    .create(
                                            actor,
                                            JsonBodies.string(body, "name"),
                                            Forms.role("role", JsonBodies.string(body, "role")));
                    JsonBodies.send(
                            ctx,
                            201,
                            Jsons.PROVIDER
                                    .createObjectBuilder(token(created.token()))
                                    .add("secret", created.secret())
                                    .build());
                });
        routes.api(
                HandlerType.DELETE,
                "/api/v1/tokens/{tokenId}",
                (ctx, actor) -> {
                    services.apiTokens().revoke(actor, Forms.id(ctx, "tokenId", "API token"));
                    ctx.status(204);
                });
        routes.api(
                HandlerType.GET,
                "/api/v1/audit",
                (ctx, actor) -> {
                    JsonArrayBuilder list = Jsons.PROVIDER.createArrayBuilder();
                    for (AuditEvent event :
                            services.auditLog()
                                    .page(actor, AuditPages.before(ctx), Queries.limit(ctx, 100))) {
                        list.add(
                                Jsons.PROVIDER
                                        .createObjectBuilder()
                                        .add("id", event.id().toString())
                                        .add("occurredAt", event.occurredAt().toString())
                                        .add("actor", event.actor())
                                        .add("action", event.action())
                                        .add("subject", event.subject())
                                        .add("detail", event.detail()));
                    }
                    JsonBodies.send(ctx, 200, list.build());
                });
    }

    private static JsonObject member(Member member) {
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("userId", member.userId().toString())
                .add("email", member.email())
                .add("displayName", member.displayName())
                .add("role", member.role().value())
                .add("joinedAt", member.joinedAt().toString())
                .build();
    }

    private static JsonObject invitation(Invitation invitation) {
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("id", invitation.id().toString())
                .add("email", invitation.email())
                .add("role", invitation.role().value())
                .add("status", "pending")
                .add("invitedBy", invitation.invitedBy())
                .add("createdAt", invitation.createdAt().toString())
                .add("expiresAt", invitation.expiresAt().toString())
                .build();
    }

    private static JsonObject token(ApiToken token) {
        JsonObjectBuilder json =
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("id", token.id().toString())
                        .add("name", token.name())
                        .add("role", token.role().value())
                        .add("createdAt", token.createdAt().toString());
        token.creator()
                .ifPresent(
                        creator ->
                                json.add(
                                        "createdBy",
                                        Jsons.PROVIDER
                                                .createObjectBuilder()
                                                .add("userId", creator.userId().toString())
                                                .add("email", creator.email())));
        token.effectiveRole().ifPresent(role -> json.add("effectiveRole", role.value()));
        token.revokedAt().ifPresent(at -> json.add("revokedAt", at.toString()));
        token.revokedReason().ifPresent(reason -> json.add("revokedReason", reason));
        return json.build();
    }
}
