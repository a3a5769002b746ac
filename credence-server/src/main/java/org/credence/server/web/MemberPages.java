package org.credence.server.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Objects;
import org.credence.app.organization.Invitation;
import org.credence.app.organization.MemberAdded;
import org.credence.app.organization.MemberService;
import org.credence.app.organization.Role;
import org.credence.app.organization.Session;

/** {@code /app/members}: the list for everyone, adding, role changes and removal for owners. */
public final class MemberPages {

    private final MemberService members;
    private final Views views;
    private final String baseUrl;

    public MemberPages(MemberService members, Views views, String baseUrl) {
        this.members = Objects.requireNonNull(members, "members");
        this.views = Objects.requireNonNull(views, "views");
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    }

    public void register(Routes routes) {
        routes.page(HandlerType.GET, "/app/members", (ctx, session) -> show(ctx, session, null));
        routes.page(HandlerType.POST, "/app/members", this::add);
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
    }

    private void add(Context ctx, Session session) {
        MemberAdded added =
                members.add(
                        session.actor(),
                        Forms.field(ctx, "email"),
                        Forms.role("role", Forms.field(ctx, "role")));
        if (added.invitationToken().isPresent()) {
            show(ctx, session, baseUrl + "/invitations/" + added.invitationToken().get());
        } else {
            ctx.redirect("/app/members");
        }
    }

    private void show(Context ctx, Session session, String newInvitationLink) {
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
                "newInvitationLink",
                newInvitationLink);
    }
}
