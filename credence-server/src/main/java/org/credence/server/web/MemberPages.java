package org.credence.server.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Objects;
import org.credence.app.organization.Invitation;
import org.credence.app.organization.InvitationSent;
import org.credence.app.organization.MemberService;
import org.credence.app.organization.Role;
import org.credence.app.organization.Session;

/**
 * {@code /app/members}: the list for everyone; inviting, revoking invitations, role changes and
 * removal for owners.
 */
public final class MemberPages {

    private final MemberService members;
    private final Views views;
    private final InvitationLinks links;

    public MemberPages(MemberService members, Views views, InvitationLinks links) {
        this.members = Objects.requireNonNull(members, "members");
        this.views = Objects.requireNonNull(views, "views");
        this.links = Objects.requireNonNull(links, "links");
    }

    public void register(Routes routes) {
        routes.page(HandlerType.GET, "/app/members", (ctx, session) -> show(ctx, session, null));
        routes.page(HandlerType.POST, "/app/members", this::invite);
        routes.page(
                HandlerType.POST,
                "/app/members/{userId}/role",
                (ctx, session) -> {
                    members.changeRole(
                            session.actor(),
                            Forms.id(ctx, "userId", "Member"),
                            Forms.role("role", Forms.field(ctx, "role")));
                    ctx.redirect("/app/members");
                });
        routes.page(
                HandlerType.POST,
                "/app/members/{userId}/remove",
                (ctx, session) -> {
                    members.remove(session.actor(), Forms.id(ctx, "userId", "Member"));
                    ctx.redirect("/app/members");
                });
        routes.page(
                HandlerType.POST,
                "/app/members/invitations/{invitationId}/revoke",
                (ctx, session) -> {
                    members.revoke(session.actor(), Forms.id(ctx, "invitationId", "Invitation"));
                    ctx.redirect("/app/members");
                });
    }

    private void invite(Context ctx, Session session) {
        InvitationSent sent =
                members.invite(
                        session.actor(),
                        Forms.field(ctx, "email"),
                        Forms.role("role", Forms.field(ctx, "role")));
        show(ctx, session, new Sent(sent.invitation(), links.forInviter(sent).orElse(null)));
    }

    private void show(Context ctx, Session session, Sent sent) {
        List<Invitation> invitations =
                session.role() == Role.OWNER ? members.invitations(session.actor()) : List.of();
        views.render(
                ctx,
                "members.jte",
                Page.of("Members", session),
                "members",
                members.list(session.actor()),
                "invitations",
                invitations,
                "sent",
                sent);
    }

    /**
     * What the page says about the invitation just sent.
     *
     * @param invitation the invitation
     * @param link its link, only when no mail server can send it (else null)
     */
    public record Sent(Invitation invitation, String link) {}
}
